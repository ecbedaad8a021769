import { handle } from "@/server/api/handler";
import { activityReportEndpoints } from "@/features/activity-report/endpoints";
import { activityReportSummary } from "@/features/activity-report/server/get-activity-report";
import { exportActivityReport } from "@/features/activity-report/server/export-activity-report";
import { tablesToCsv, tablesToXlsx } from "@/server/reports/export-tables";
import { MESSAGES } from "@/server/i18n";

export const GET = handle(activityReportEndpoints.exportActivityReport, async ({ user, query: q, locale }) => {
  const { report, tables } = await exportActivityReport(user, q, locale);
  const m = MESSAGES[locale].activityReport;
  const summary = activityReportSummary(report, m);
  const stem = `skhodynky-activity-${report.region?.code.toLowerCase() ?? "country"}-${report.period.from}-${report.period.to}${q.table ? `-${q.table}` : ""}`;
  if (q.format === "csv") {
    return { file: { content: tablesToCsv(summary, tables, locale), type: "text/csv; charset=utf-8", name: `${stem}.csv` } };
  }
  const content = await tablesToXlsx(summary, tables, m.sheetSummary);
  return { file: { content, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: `${stem}.xlsx` } };
});
