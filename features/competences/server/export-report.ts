import "server-only";
import writeXlsxFile from "write-excel-file/node";
import type { Report } from "./report";

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote when needed; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (UTF-8 with BOM so Excel reads Cyrillic): every table one after another, a blank line apart. */
export function reportToCsv(report: Report, summary: string[][]): string {
  const lines: string[] = [];
  for (const row of summary) lines.push(row.map(csvCell).join(","));
  for (const table of report.tables) {
    lines.push("");
    lines.push(csvCell(table.title));
    if (table.header.length === 0) {
      if (table.note) lines.push(csvCell(table.note));
      continue;
    }
    lines.push(table.header.map(csvCell).join(","));
    for (const row of table.rows) lines.push(row.map(csvCell).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** XLSX with a summary sheet and one sheet per table. */
export async function reportToXlsx(report: Report, summary: string[][], summaryName: string): Promise<Uint8Array> {
  const sheetName = (title: string) =>
    title
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim();
  const sheets = [
    { sheet: sheetName(summaryName), data: summary.map((row) => row.map((value) => ({ value }))) },
    ...report.tables.map((table) => ({
      sheet: sheetName(table.title),
      data: [
        [{ value: table.title, fontWeight: "bold" as const }],
        ...(table.note ? [[{ value: table.note }]] : []),
        ...(table.header.length ? [table.header.map((value) => ({ value, fontWeight: "bold" as const }))] : []),
        ...table.rows.map((row) => row.map((value) => ({ value }))),
      ],
    })),
  ];
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return new Uint8Array(buffer);
}
