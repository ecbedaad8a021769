import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, isUniqueViolation } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { MAX_PINNED } from "../moderation-types";
import { loadThread } from "./load-thread";
import { recordModeration } from "./record-moderation";

/**
 * A moderator pins a thread (it comes first in its space) or unpins it, with a reason. A space
 * has three pin slots, one thread each (a unique index and a CHECK): a pin takes the lowest free
 * slot by compare-and-set; when a concurrent pin took that slot it tries the next, and when none
 * is free it answers 409.
 */
export async function setThreadPinned(actor: Actor, threadId: string, input: { pinned: boolean; reason: string }, now = new Date()) {
  const thread = await loadThread(actor, threadId);
  authorize(actor, "moderate:community-space", thread.space.resource);
  const db = getDb();
  const reason = input.reason.trim();
  const log = { spaceId: thread.space.id, actorId: actor.id, threadId: thread.id, reason };
  if (!input.pinned) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.thread.updateMany({ where: { id: thread.id, spaceId: thread.space.id, pinSlot: { not: null } }, data: { pinSlot: null } });
      if (count > 0) await recordModeration(tx, { ...log, action: "UNPIN" }, now);
    });
    return { pinned: false };
  }
  for (let attempt = 0; attempt < MAX_PINNED; attempt++) {
    const taken = await db.thread.findMany({ where: { spaceId: thread.space.id, pinSlot: { not: null } }, select: { id: true, pinSlot: true } });
    if (taken.some((t) => t.id === thread.id)) return { pinned: true };
    const free = Array.from({ length: MAX_PINNED }, (_, i) => i + 1).find((slot) => !taken.some((t) => t.pinSlot === slot));
    if (free === undefined) throw new AppError("conflict", "errors.pinLimit");
    try {
      const done = await db.$transaction(async (tx) => {
        const { count } = await tx.thread.updateMany({ where: { id: thread.id, spaceId: thread.space.id, pinSlot: null }, data: { pinSlot: free } });
        if (count > 0) await recordModeration(tx, { ...log, action: "PIN" }, now);
        return count > 0;
      });
      if (done) return { pinned: true };
    } catch (error) {
      if (!isUniqueViolation(error, "Thread_spaceId_pinSlot_key")) throw error;
    }
  }
  throw new AppError("conflict", "errors.pinLimit");
}
