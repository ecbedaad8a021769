import { handle } from "@/server/api/handler";
import { reportEndpoints } from "@/features/competences/report-endpoints";
import { exportReport } from "@/features/competences/server/export-report";
import { reportSummary } from "@/features/competences/server/report-summary";
import { tablesToCsv, tablesToXlsx } from "@/server/reports/export-tables";
import { MESSAGES } from "@/server/i18n";

export const GET = handle(reportEndpoints.exportReport, async ({ user, query: q, locale }) => {
  const report = await exportReport(user, { scope: q.scope, id: q.id }, q.format, locale);
  const summary = reportSummary(report, locale);
  const stem = `skhodynky-${q.scope}-${new Date().toISOString().slice(0, 10)}`;
  if (q.format === "csv") {
    return { file: { content: tablesToCsv(summary, report.tables, locale), type: "text/csv; charset=utf-8", name: `${stem}.csv` } };
  }
  const content = await tablesToXlsx(summary, report.tables, MESSAGES[locale].reports.sheetSummary);
  return { file: { content, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: `${stem}.xlsx` } };
});
