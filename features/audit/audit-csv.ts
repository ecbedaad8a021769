import "server-only";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { tablesToCsv } from "@/server/reports/export-tables";
import { auditActionLabel, auditActorLabel, auditDetailText, auditTargetLabel } from "./labels";
import type { AuditFilters } from "./schemas";
import type { AuditEntryView } from "./server/find-audit-entries";
import { AUDIT_EXPORT_MAX_ROWS } from "./server/export-audit-entries";

/**
 * The CSV of an audit export: what it is and which filters made it, then one row per entry with
 * the time in UTC (ISO 8601), the actor's id, name and e-mail as they are now, the action's code
 * and name, the target, the region and the detail.
 */
export function auditCsv(rows: AuditEntryView[], filters: AuditFilters, isTruncated: boolean, locale: AppLocale, now = new Date()): string {
  const m = MESSAGES[locale].audit;
  const summary = [
    [m.csvTitle],
    [m.csvGenerated, now.toISOString()],
    [m.who, filters.who ?? ""],
    [m.what, filters.action ? auditActionLabel(locale, filters.action) : ""],
    [m.from, filters.from ?? ""],
    [m.to, filters.to ?? ""],
    [m.region, filters.region ?? ""],
    ...(isTruncated ? [[m.csvTruncated.replace("{max}", String(AUDIT_EXPORT_MAX_ROWS))]] : []),
  ];
  const table = {
    id: "audit",
    title: m.title,
    header: [
      m.csvTime,
      m.csvActorId,
      m.colActor,
      m.csvActorEmail,
      m.csvActionCode,
      m.colAction,
      m.csvTargetType,
      m.csvTargetId,
      m.colTarget,
      m.colRegion,
      m.colDetail,
    ],
    rows: rows.map((row) => [
      row.at.toISOString(),
      row.actor.kind === "system" ? "" : row.actor.id,
      auditActorLabel(locale, row.actor),
      row.actor.kind === "person" ? row.actor.email : "",
      row.action,
      auditActionLabel(locale, row.action),
      row.targetType,
      row.targetId,
      auditTargetLabel(locale, row),
      row.region?.name ?? "",
      auditDetailText(locale, row.detail),
    ]),
  };
  return tablesToCsv(summary, [table], locale);
}
