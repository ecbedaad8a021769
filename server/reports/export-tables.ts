import "server-only";
import writeXlsxFile from "write-excel-file/node";
import { decimalsAt, formatReportNumber, xlsxNumberFormat, type ReportDecimals } from "@/lib/report-number";

/**
 * A report table as every regional report builds it: the same value feeds the page, the CSV and the
 * XLSX, so the three never disagree.
 */
export type ReportTable = {
  id: string;
  title: string;
  note?: string;
  header: string[];
  rows: (string | number)[][];
  /**
   * Fixed fraction digits of the numbers of a column, or of a row (a table of indicators and their
   * values): percentages and mean levels have 1, so "50,0" stands beside "33,3". Other numbers are
   * written as they are.
   */
  decimals?: ReportDecimals;
};

type AppLocale = "uk" | "en";

function csvCell(value: string | number, locale: AppLocale, decimals?: number): string {
  const text = typeof value === "number" ? formatReportNumber(value, locale, decimals, { grouping: false }) : value;
  // Quote when needed; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV (UTF-8 with BOM so Excel reads Cyrillic): the summary rows, then every table one after another,
 * a blank line apart. Numbers are written as the page shows them in `locale` (a Ukrainian "33,3" is
 * quoted, as it holds the separator).
 */
export function tablesToCsv(summary: string[][], tables: ReportTable[], locale: AppLocale): string {
  const lines: string[] = [];
  const text = (value: string) => csvCell(value, locale);
  for (const row of summary) lines.push(row.map(text).join(","));
  for (const table of tables) {
    lines.push("");
    lines.push(text(table.title));
    if (table.header.length === 0) {
      if (table.note) lines.push(text(table.note));
      continue;
    }
    lines.push(table.header.map(text).join(","));
    for (const [r, row] of table.rows.entries()) lines.push(row.map((value, c) => csvCell(value, locale, decimalsAt(table.decimals, r, c))).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** XLSX with a summary sheet and one sheet per table. */
export async function tablesToXlsx(summary: string[][], tables: ReportTable[], summaryName: string): Promise<Uint8Array> {
  const used = new Set<string>();
  const sheetName = (title: string) => {
    const clean = title
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    let name = shortSheetName(clean, SHEET_NAME_MAX);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${shortSheetName(clean, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  };
  const sheets = [
    { sheet: sheetName(summaryName), data: summary.map((row) => row.map((value) => ({ value }))) },
    ...tables.map((table) => ({
      sheet: sheetName(table.title),
      data: [
        [{ value: table.title, fontWeight: "bold" as const }],
        ...(table.note ? [[{ value: table.note }]] : []),
        ...(table.header.length ? [table.header.map((value) => ({ value, fontWeight: "bold" as const }))] : []),
        ...table.rows.map((row, r) =>
          row.map((value, c) => (typeof value === "number" ? { value, format: xlsxNumberFormat(decimalsAt(table.decimals, r, c)) } : { value })),
        ),
      ],
    })),
  ];
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return new Uint8Array(buffer);
}

/** Excel's limit for a sheet's name (which may not hold \\ / ? * [ ] :, and is unique in a workbook). */
const SHEET_NAME_MAX = 31;

/**
 * A title that fits `max` characters: whole, or cut after its last whole word that fits, with "…"
 * (a word longer than the room is cut, as nothing else fits).
 */
export function shortSheetName(title: string, max: number): string {
  if (title.length <= max) return title;
  const room = title.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace > 0 && title[max - 1] !== " " ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,.;:–—-]+$/, "")}…`;
}
