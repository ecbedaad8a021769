import "server-only";
import type { Prisma } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import type { AuditAction } from "@/server/audit/actions";
import type { ModerationActionKind } from "../moderation-types";

export type ModerationRecord = {
  /** Null for a suspension everywhere (and its lifting). */
  spaceId: string | null;
  /** Null only for the automatic hide after three flags. */
  actorId: string | null;
  action: ModerationActionKind;
  reason: string;
  threadId?: string;
  postId?: string;
  targetUserId?: string;
  toSpaceId?: string;
};

/** The audit trail's name of each kind of moderation. */
const AUDIT_ACTION: Record<ModerationActionKind, AuditAction> = {
  HIDE: "moderation.hide",
  AUTO_HIDE: "moderation.auto-hide",
  RESTORE: "moderation.restore",
  DISMISS: "moderation.dismiss",
  MOVE: "moderation.move",
  PIN: "moderation.pin",
  UNPIN: "moderation.unpin",
  LOCK: "moderation.lock",
  UNLOCK: "moderation.unlock",
  SUSPEND: "moderation.suspend",
  LIFT: "moderation.lift",
};

/**
 * Writes the moderation log's row (who, when, what, why) inside the caller's transaction, so it
 * exists exactly when the action does, and the audit trail's entry beside it (decision 050): what
 * was acted on and where, under the space's region (or, for a suspension everywhere, the person's).
 * The reason is a moderator's own words: it stays in the moderation log, never in the trail.
 */
export async function recordModeration(tx: Prisma.TransactionClient, record: ModerationRecord, now = new Date()): Promise<void> {
  const row = await tx.moderationAction.create({ data: { ...record, createdAt: now }, select: { id: true } });
  const target = record.postId
    ? { targetType: "Post", targetId: record.postId }
    : record.threadId
      ? { targetType: "Thread", targetId: record.threadId }
      : { targetType: "User", targetId: record.targetUserId ?? row.id };
  const regionId = record.spaceId
    ? ((await tx.communitySpace.findUnique({ where: { id: record.spaceId }, select: { regionId: true } }))?.regionId ?? null)
    : record.targetUserId
      ? ((await tx.user.findUnique({ where: { id: record.targetUserId }, select: { organization: { select: { hromada: { select: { regionId: true } } } } } }))
          ?.organization.hromada.regionId ?? null)
      : null;
  await recordAudit(tx, {
    actorId: record.actorId,
    action: AUDIT_ACTION[record.action],
    ...target,
    regionId,
    detail: {
      moderationId: row.id,
      spaceId: record.spaceId,
      ...(record.threadId && record.postId ? { threadId: record.threadId } : {}),
      ...(record.targetUserId && target.targetType !== "User" ? { targetUserId: record.targetUserId } : {}),
      ...(record.toSpaceId ? { toSpaceId: record.toSpaceId } : {}),
    },
  });
}
