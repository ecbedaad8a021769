import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadSpace } from "./load-space";
import { loadThread } from "./load-thread";
import { recordModeration } from "./record-moderation";

/**
 * A moderator moves a thread to another space they moderate (they must moderate both). The move
 * is a compare-and-set on the space the thread was read in, so a concurrent move answers 409; the
 * thread loses its pin (pins are per space). Both spaces' logs show the move.
 */
export async function moveThread(actor: Actor, threadId: string, input: { toSpace: string; reason: string }, now = new Date()) {
  const thread = await loadThread(actor, threadId);
  authorize(actor, "moderate:community-space", thread.space.resource);
  const target = await loadSpace(actor, input.toSpace);
  authorize(actor, "move:community-thread", { from: thread.space.resource, to: target.resource });
  if (target.id === thread.space.id) throw new AppError("conflict", "errors.threadAlreadyThere");
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.thread.updateMany({ where: { id: thread.id, spaceId: thread.space.id }, data: { spaceId: target.id, pinSlot: null } });
    if (count === 0) throw new AppError("conflict", "errors.moderationDecided");
    await recordModeration(
      tx,
      { spaceId: thread.space.id, actorId: actor.id, action: "MOVE", threadId: thread.id, toSpaceId: target.id, reason: input.reason.trim() },
      now,
    );
    return { spaceSlug: target.slug };
  });
}
