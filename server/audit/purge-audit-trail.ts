import "server-only";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { recordAudit } from "./record-audit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which entries are no longer kept (AUDIT_RETENTION_DAYS before `now`). */
export function auditKeptSince(now: Date, days = getEnv().AUDIT_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The retention purge of the audit trail (decision 050), the one way an entry is ever deleted: the
 * database refuses a DELETE unless its transaction sets `skh.audit_purge`, which only this does.
 * The purge leaves an entry of its own saying how many it removed and up to when.
 */
export async function purgeAuditTrail(now = new Date()): Promise<number> {
  const before = auditKeptSince(now);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('skh.audit_purge', 'on', true)`;
    const { count } = await tx.auditEntry.deleteMany({ where: { createdAt: { lt: before } } });
    if (count > 0) {
      await recordAudit(tx, {
        actorId: null,
        action: "audit.purged",
        targetType: "AuditEntry",
        targetId: "retention",
        detail: { deleted: count, olderThan: before.toISOString(), keptDays: getEnv().AUDIT_RETENTION_DAYS },
      });
    }
    return count;
  });
}
