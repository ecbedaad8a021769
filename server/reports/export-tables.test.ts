import { describe, expect, it } from "vitest";
import { shortSheetName, tablesToCsv, type ReportTable } from "./export-tables";

const table: ReportTable = {
  id: "purposes",
  title: "Мета використання ІКТ у роботі",
  header: ["Мета", "Завжди (%)", "Часто (%)"],
  rows: [
    ["Листування", 50, 33.3],
    ["Звіти", 1234, 0],
  ],
  decimals: { columns: { 1: 1 } },
};

describe("report exports", () => {
  it("write numbers in the CSV as the page does: the reader's decimal mark, fixed decimals kept, no grouping", () => {
    const uk = tablesToCsv([["Звіт"]], [table], "uk");
    expect(uk).toContain('Листування,"50,0","33,3"\r\n');
    expect(uk).toContain('Звіти,"1234,0",0\r\n');
    const en = tablesToCsv([["Report"]], [table], "en");
    expect(en).toContain("Листування,50.0,33.3\r\n");
    expect(en).toContain("Звіти,1234.0,0\r\n");
  });

  it("fix the decimals of a row (an indicator table) as well as of a column", () => {
    const indicators: ReportTable = {
      id: "s",
      title: "Підсумок",
      header: ["Показник", "Значення"],
      rows: [
        ["Слухачів", 12],
        ["Частка (%)", 25],
      ],
      decimals: { rows: { 1: 1 } },
    };
    expect(tablesToCsv([], [indicators], "uk")).toContain('Слухачів,12\r\nЧастка (%),"25,0"\r\n');
  });

  it("never let a cell run as a formula", () => {
    const risky: ReportTable = { id: "r", title: "T", header: ["a"], rows: [["=1+1"], ["-2"]] };
    expect(tablesToCsv([], [risky], "uk")).toContain("'=1+1\r\n'-2\r\n");
  });

  it("shorten a sheet's name after a whole word, with an ellipsis", () => {
    expect(shortSheetName("Зміни за кварталами", 31)).toBe("Зміни за кварталами");
    expect(shortSheetName("Розподіл рівнів за компетентностями", 31)).toBe("Розподіл рівнів за…");
    expect(shortSheetName("Інструменти ІКТ за напрямами роботи", 31)).toBe("Інструменти ІКТ за напрямами…");
    expect(shortSheetName("Інструменти ІКТ за напрямами роботи", 28)).toBe("Інструменти ІКТ за…");
    expect(shortSheetName("Інструменти ІКТ за напрямами роботи", 29)).toBe("Інструменти ІКТ за напрямами…");
    expect(shortSheetName("Надзвичайнодовгесловобезпробілівдляаркуша", 31)).toHaveLength(31);
    // A title whose cut falls just before a space keeps its last word whole.
    expect(shortSheetName("Активність слухачів по тижнях року", 30)).toBe("Активність слухачів по тижнях…");
  });
});
