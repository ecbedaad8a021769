import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";
import { recordModeration } from "./record-moderation";

/**
 * A moderator of the space locks a thread (no more replies or edits) or opens it again, with a
 * reason. The action is recorded in the moderation log (who, when, what, why) and the audit trail in
 * the same transaction.
 */
export async function setThreadLocked(actor: Actor, threadId: string, locked: boolean, reason: string, now = new Date()): Promise<{ locked: boolean }> {
  const thread = await loadThread(actor, threadId);
  authorize(actor, "moderate:community-space", thread.space.resource);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.thread.updateMany({
      where: { id: thread.id, lockedAt: locked ? null : { not: null } },
      data: { lockedAt: locked ? now : null },
    });
    if (count > 0) {
      await recordModeration(
        tx,
        { spaceId: thread.space.id, actorId: actor.id, action: locked ? "LOCK" : "UNLOCK", threadId: thread.id, reason: reason.trim() },
        now,
      );
    }
    return { locked };
  });
}
