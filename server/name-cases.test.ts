import { describe, expect, it } from "vitest";
import { nameInCase, withNameCases } from "./name-cases";

const uk = (name: string, nameCase: Parameters<typeof nameInCase>[1]) => nameInCase(name, nameCase, "uk");

describe("names in the case a Ukrainian sentence needs", () => {
  it("declines a woman's given name and keeps a family name that does not decline for a woman", async () => {
    expect(await uk("Оксана Ткачук", "genitive")).toBe("Оксани Ткачук");
    expect(await uk("Оксана Ткачук", "dative")).toBe("Оксані Ткачук");
    expect(await uk("Оксана Ткачук", "instrumental")).toBe("Оксаною Ткачук");
    expect(await uk("Оксана Ткачук", "vocative")).toBe("Оксано Ткачук");
    expect(await uk("Марія Шевченко", "genitive")).toBe("Марії Шевченко");
    expect(await uk("Ольга Савчук", "dative")).toBe("Ользі Савчук");
  });

  it("declines both parts of a man's name", async () => {
    expect(await uk("Олег Ткачук", "genitive")).toBe("Олега Ткачука");
    expect(await uk("Олег Ткачук", "dative")).toBe("Олегу Ткачуку");
    expect(await uk("Олег Ткачук", "instrumental")).toBe("Олегом Ткачуком");
    expect(await uk("Тарас Шевченко", "genitive")).toBe("Тараса Шевченка");
    expect(await uk("Тарас Шевченко", "vocative")).toBe("Тарасе Шевченку");
    expect(await uk("Юрій Кравець", "genitive")).toBe("Юрія Кравця");
  });

  it("declines adjectival family names by gender", async () => {
    expect(await uk("Галина Ярошевська", "genitive")).toBe("Галини Ярошевської");
    expect(await uk("Дмитро Осадчий", "instrumental")).toBe("Дмитром Осадчим");
  });

  it("keeps the order as written: family name first, and names with a patronymic", async () => {
    expect(await uk("Ткачук Оксана", "genitive")).toBe("Ткачук Оксани");
    expect(await uk("Ткачук Олег", "dative")).toBe("Ткачуку Олегу");
    expect(await uk("Оксана Петрівна Ткачук", "genitive")).toBe("Оксани Петрівни Ткачук");
    expect(await uk("Ткачук Олег Іванович", "instrumental")).toBe("Ткачуком Олегом Івановичем");
    expect(await uk("Оксана Петрівна", "dative")).toBe("Оксані Петрівні");
  });

  it("does not take a woman's family name in -ич for a patronymic", async () => {
    expect(await uk("Ганна Петрович", "genitive")).toBe("Ганни Петрович");
    expect(await uk("Іван Петрович", "genitive")).toBe("Івана Петровича");
  });

  it("keeps the apostrophe the person typed, and declines hyphenated family names", async () => {
    expect(await uk("Мар'яна Гнатюк", "genitive")).toBe("Мар'яни Гнатюк");
    expect(await uk("Мар’яна Гнатюк", "instrumental")).toBe("Мар’яною Гнатюк");
    expect(await uk("Любов Гнатюк", "instrumental")).toBe("Любов'ю Гнатюк");
    expect(await uk("Дмитро Кравченко-Мельник", "genitive")).toBe("Дмитра Кравченка-Мельника");
  });

  it("leaves foreign, unknown and odd names as written", async () => {
    for (const name of [
      "John Smith",
      "Жан-Поль Сартр",
      "Дмитрий Соколов",
      "Ткачук",
      "О. Ткачук",
      "Олена Коваленко x3k9a1",
      "Оксана  Ткачук",
      "Оксана\nТкачук",
      "Оксана Ткачук Петрівна Іванівна",
      "",
      "   ",
      "-",
      "Кураторка Увійдіть тут: http://evil.example",
    ]) {
      for (const nameCase of ["genitive", "dative", "instrumental", "vocative"] as const) {
        expect(await uk(name, nameCase), `${JSON.stringify(name)} ${nameCase}`).toBe(name);
      }
    }
  });

  it("leaves every name as written in English", async () => {
    expect(await nameInCase("Оксана Ткачук", "genitive", "en")).toBe("Оксана Ткачук");
    expect(await nameInCase("Олег Ткачук", "vocative", "en")).toBe("Олег Ткачук");
  });

  it("fills a template's {xGen}, {xIns}, {xVoc} from {x}, and keeps a value the caller gave", async () => {
    const values = await withNameCases("Від {nameGen}, з {nameIns}, для {curatorGen}: {name}", { name: "Оксана Ткачук", curator: "Олег Ткачук" }, "uk");
    expect(values).toMatchObject({ name: "Оксана Ткачук", nameGen: "Оксани Ткачук", nameIns: "Оксаною Ткачук", curatorGen: "Олега Ткачука" });
    expect(await withNameCases("{nameGen}", { name: "Оксана Ткачук", nameGen: "given" }, "uk")).toEqual({ name: "Оксана Ткачук", nameGen: "given" });
    expect(await withNameCases("from {nameGen}", { name: "Оксана Ткачук" }, "en")).toMatchObject({ nameGen: "Оксана Ткачук" });
    expect(await withNameCases("{titleGen}", { name: "Оксана Ткачук" }, "uk")).toEqual({ name: "Оксана Ткачук" });
  });
});
