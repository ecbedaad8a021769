import "server-only";
import writeXlsxFile from "write-excel-file/node";

/**
 * A report table as every regional report builds it: the same value feeds the page, the CSV and the
 * XLSX, so the three never disagree.
 */
export type ReportTable = { id: string; title: string; note?: string; header: string[]; rows: (string | number)[][] };

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote when needed; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (UTF-8 with BOM so Excel reads Cyrillic): the summary rows, then every table one after another, a blank line apart. */
export function tablesToCsv(summary: string[][], tables: ReportTable[]): string {
  const lines: string[] = [];
  for (const row of summary) lines.push(row.map(csvCell).join(","));
  for (const table of tables) {
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
export async function tablesToXlsx(summary: string[][], tables: ReportTable[], summaryName: string): Promise<Uint8Array> {
  const used = new Set<string>();
  // Sheet names: at most 31 characters, none of \ / ? * [ ] :, and unique within the workbook.
  const sheetName = (title: string) => {
    const base = title
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim();
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
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
        ...table.rows.map((row) => row.map((value) => ({ value }))),
      ],
    })),
  ];
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return new Uint8Array(buffer);
}
