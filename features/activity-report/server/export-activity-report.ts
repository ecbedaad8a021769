import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { recordAudit } from "@/server/audit/record-audit";
import type { ReportTable } from "@/server/reports/export-tables";
import type { TActivityReportExport } from "../schemas";
import { getActivityReport, pickTables, type ActivityReport } from "./get-activity-report";

/**
 * The activity report, or one of its tables, for a download: read as the page reads it (scope and
 * policy checked there), and recorded in the audit trail as data leaving the app (decision 050).
 */
export async function exportActivityReport(
  actor: Actor,
  query: TActivityReportExport,
  locale: AppLocale,
  now = new Date(),
): Promise<{ report: ActivityReport; tables: ReportTable[] }> {
  const report = await getActivityReport(actor, { region: query.region, from: query.from, to: query.to }, locale, now);
  const tables = pickTables(report, query.table);
  await recordAudit(getDb(), {
    actorId: actor.id,
    action: "report.exported",
    targetType: "report",
    targetId: "activity",
    regionId: report.region?.id ?? null,
    detail: {
      scope: report.region ? "region" : "country",
      from: report.period.from,
      to: report.period.to,
      table: query.table ?? null,
      format: query.format,
      suppressed: report.suppressed,
    },
  });
  return { report, tables };
}
