/**
 * A number of a report table as the reader's language writes it: the page, the print and the CSV
 * say the same ("33,3", "50,0" in Ukrainian). A column with fixed `decimals` (percentages, mean
 * levels) always shows that many, so a whole percentage keeps its ",0" beside "33,3". The page groups
 * thousands ("1 234"); a CSV cell does not, so spreadsheets read it as a number.
 */
export function formatReportNumber(value: number, locale: "uk" | "en", decimals?: number, { grouping = true } = {}): string {
  return value.toLocaleString(locale === "uk" ? "uk-UA" : "en-GB", {
    ...(decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
    useGrouping: grouping,
  });
}

/** The XLSX number format of a column with `decimals` fixed digits ("0.0"); none for whole numbers. */
export function xlsxNumberFormat(decimals?: number): string | undefined {
  return decimals ? `0.${"0".repeat(decimals)}` : undefined;
}

/** Fixed fraction digits of a report table's numbers: by column index, or by row index. */
export type ReportDecimals = { columns?: Record<number, number>; rows?: Record<number, number> };

export function decimalsAt(decimals: ReportDecimals | undefined, row: number, column: number): number | undefined {
  return decimals?.rows?.[row] ?? decimals?.columns?.[column];
}

/** Every column from `from` on (a table whose numbers after the label are all percentages or means). */
export function columnsFrom(from: number, count: number, digits = 1): Record<number, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [from + i, digits]));
}
