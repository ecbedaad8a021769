import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { recordAudit } from "@/server/audit/record-audit";
import { AUDIT_NO_REGION, type AuditFilters } from "../schemas";
import { queryAuditEntries, type AuditEntryView } from "./find-audit-entries";

/** The most entries one export holds (newest first); narrower filters reach further back. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * The entries matching the filters for a download, newest first. Exporting the trail is itself an
 * action the trail records (decision 050), with the filters it ran with and how many entries left.
 */
export async function exportAuditEntries(
  actor: Actor,
  filters: AuditFilters,
  format: "csv",
  locale: AppLocale,
): Promise<{ rows: AuditEntryView[]; isTruncated: boolean }> {
  authorize(actor, "read:audit");
  const rows = await queryAuditEntries(filters, null, AUDIT_EXPORT_MAX_ROWS + 1, locale);
  const kept = rows.slice(0, AUDIT_EXPORT_MAX_ROWS);
  await recordAudit(getDb(), {
    actorId: actor.id,
    action: "audit.exported",
    targetType: "AuditEntry",
    targetId: "export",
    regionId: filters.region && filters.region !== AUDIT_NO_REGION ? filters.region : null,
    detail: {
      format,
      rows: kept.length,
      byPerson: Boolean(filters.who),
      action: filters.action ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      withoutRegion: filters.region === AUDIT_NO_REGION,
    },
  });
  return { rows: kept, isTruncated: rows.length > AUDIT_EXPORT_MAX_ROWS };
}
