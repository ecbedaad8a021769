import type { ReactNode } from "react";
import { decimalsAt, formatReportNumber, type ReportDecimals } from "@/lib/report-number";

/** One table of a regional report, structurally the same as server/reports/export-tables.ts `ReportTable`. */
export type ReportTableData = { id: string; title: string; note?: string; header: string[]; rows: (string | number)[][]; decimals?: ReportDecimals };

/**
 * A report table as the competency and activity reports show and print it: a titled card that is
 * never split across printed pages, a scrollable (and keyboard-focusable) table on narrow screens,
 * the first column as row headers, numbers formatted for the reader's language.
 */
export function ReportTableSection({
  table,
  locale,
  actions,
  emptyText,
}: {
  table: ReportTableData;
  locale: "uk" | "en";
  /** Links shown on screen only (downloads of this table). */
  actions?: ReactNode;
  /** Said instead of a table without rows. */
  emptyText?: string;
}) {
  const headingId = `t-${table.id}`;
  return (
    <section className="card mb-6 break-inside-avoid" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-1 text-xl font-bold">
        {table.title}
      </h2>
      {table.note ? <p className="mb-3 max-w-prose text-sm text-muted">{table.note}</p> : null}
      {actions ? <div className="no-print mb-3 flex flex-wrap gap-3 text-sm">{actions}</div> : null}
      {table.header.length && !table.rows.length && emptyText ? <p className="text-sm">{emptyText}</p> : null}
      {table.header.length && (table.rows.length || !emptyText) ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="table text-sm">
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row" className="font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={c} className="tabular-nums">
                        {typeof cell === "number" ? formatReportNumber(cell, locale, decimalsAt(table.decimals, r, c)) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
