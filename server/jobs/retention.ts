import "server-only";
import { getDb } from "../db/client";
import { pruneSignInFailures, THROTTLE_WINDOW_MS } from "../auth/sign-in";
import { purgeOrphanedFiles } from "../storage/orphans";
import { openSessionLimits } from "../auth/user-sessions";
import { purgeAuditTrail } from "../audit/purge-audit-trail";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long records that only serve a short purpose are kept; the daily purge deletes older ones.
 * Listed in the README ("Data retention"); the reasons are in decision 017.
 */
export const RETENTION_MS = {
  /**
   * The outbox (features/offline/outbox.ts) keeps a write on the device, with its key, for up to
   * 40 days until the server answers. A replay after its record is gone would count the work once
   * more, so the keys outlive the outbox's keeping by five days (decision 034).
   */
  idempotencyRecord: 45 * DAY_MS,
  /** Nothing reads a failure after the throttle window (server/auth/sign-in.ts). */
  signInFailure: THROTTLE_WINDOW_MS,
  /** Mail is delivered once written to the outbox; admins can still look a month back. */
  outboxMail: 30 * DAY_MS,
  /** Read notifications; unread ones stay until read. */
  readNotification: 90 * DAY_MS,
  /**
   * Community post drafts not touched for a month (decision 025): text someone began and left.
   * Drafts are private unfinished text, kept no longer than they plausibly help their author.
   */
  postDraft: 30 * DAY_MS,
  /**
   * Uploads never attached to a lesson, guide or note (decision 029): an editor attaches what it
   * uploads when the item is saved, so a file still loose a day later was abandoned.
   */
  orphanedFile: DAY_MS,
  /**
   * Signed-in devices after they ended — signed out, ended by the person or an admin, idle past
   * the idle lifetime or past the absolute one: a month, so a sign-in someone disputes can still be
   * traced to a device and address, then nothing is kept of them.
   */
  endedSession: 30 * DAY_MS,
} as const;

export const PURGE_EVERY_MS = DAY_MS;

/**
 * Deletes what the retention periods no longer keep. The audit trail's period is a setting
 * (AUDIT_RETENTION_DAYS, 400 days by default; decision 050), purged in its own transaction.
 */
export async function purgeExpiredRecords(now = new Date()): Promise<void> {
  const db = getDb();
  const before = (ms: number) => new Date(now.getTime() - ms);
  await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: before(RETENTION_MS.idempotencyRecord) } } });
  await pruneSignInFailures(now);
  await db.outboxMail.deleteMany({ where: { createdAt: { lt: before(RETENTION_MS.outboxMail) } } });
  await db.notification.deleteMany({ where: { readAt: { not: null }, createdAt: { lt: before(RETENTION_MS.readNotification) } } });
  await db.postDraft.deleteMany({ where: { updatedAt: { lt: before(RETENTION_MS.postDraft) } } });
  await purgeOrphanedFiles(before(RETENTION_MS.orphanedFile));
  // Sessions that had ended already a retention period ago.
  const ended = openSessionLimits(before(RETENTION_MS.endedSession));
  await db.userSession.deleteMany({
    where: {
      OR: [{ revokedAt: { lt: before(RETENTION_MS.endedSession) } }, { lastSeenAt: { lt: ended.lastSeenAfter } }, { createdAt: { lt: ended.createdAfter } }],
    },
  });
  await purgeAuditTrail(now);
}
