import { describe, expect, it } from "vitest";
import { findPersonalData } from "./personal-data";

describe("personal data in free text", () => {
  it.each([
    ["Клієнтка (тел. +380 67 123 45 67) не змогла увійти", ["phone"]],
    ["подзвоніть 067-123-45-67", ["phone"]],
    ["пошта maria.petrenko@ukr.net", ["email"]],
    ["РНОКПП 3123456789 не підтягнувся", ["taxNumber"]],
    ["паспорт МК 123456, ID-картка 001234567", ["documentNumber"]],
    ["картка 5168 7573 1234 5678", ["bankCard"]],
    ["рахунок UA21 3223 1300 0002 6007 2335 6600 1", ["iban"]],
  ])("finds it in %s", (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it("leaves ordinary remarks alone: step numbers, years, codes of four digits, prices", () => {
    for (const text of [
      "Крок 3 виглядає інакше: кнопка «Увійти» тепер угорі",
      "З 2026 року меню інше",
      "Код 1234 не приймає",
      "Допомога 2000 грн, 5 хв очікування",
    ]) {
      expect(findPersonalData(text)).toEqual([]);
    }
  });
});
