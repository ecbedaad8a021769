import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, isUniqueViolation } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { AUTO_HIDE_FLAGS, type FlagReason } from "../moderation-types";
import { loadPost } from "./load-post";
import { recordModeration } from "./record-moderation";
import { notifyPostModerated } from "./notify-community";

/**
 * A reader flags someone else's post for the space's moderators, with a reason (and a note). One
 * flag per person per post (a unique index; a second answers 409). When open flags by three
 * different people are reached the post is hidden until a moderator decides: the post's row is
 * locked first, so concurrent flags are counted one after another, and the hide is a
 * compare-and-set on `hiddenAt`, so it happens once.
 */
export async function flagPost(
  actor: Actor,
  postId: string,
  input: { reason: FlagReason; note?: string },
  now = new Date(),
): Promise<{ flagged: true; hidden: boolean }> {
  const post = await loadPost(actor, postId, now);
  authorize(actor, "flag:community-post", { authorId: post.authorId, space: post.thread.space.resource, withinEditWindow: post.withinEditWindow });
  if (post.deletedAt) throw new AppError("conflict", "errors.postRemoved");
  if (post.hiddenAt) throw new AppError("conflict", "errors.postAlreadyHidden");
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Post" WHERE "id" = ${post.id} FOR NO KEY UPDATE`;
      await tx.postFlag.create({ data: { postId: post.id, userId: actor.id, reason: input.reason, note: input.note?.trim() || null, createdAt: now } });
      const open = await tx.postFlag.count({ where: { postId: post.id, resolvedAt: null } });
      if (open < AUTO_HIDE_FLAGS) return { flagged: true as const, hidden: false };
      const hidden = await tx.post.updateMany({
        where: { id: post.id, hiddenAt: null, deletedAt: null },
        data: { hiddenAt: now, hiddenReason: null, moderationVersion: { increment: 1 } },
      });
      if (hidden.count === 0) return { flagged: true as const, hidden: false };
      if (!post.isFirst) await tx.thread.updateMany({ where: { id: post.thread.id, replyCount: { gt: 0 } }, data: { replyCount: { decrement: 1 } } });
      await recordModeration(
        tx,
        {
          spaceId: post.thread.space.id,
          actorId: null,
          action: "AUTO_HIDE",
          threadId: post.thread.id,
          postId: post.id,
          targetUserId: post.authorId,
          reason: "",
        },
        now,
      );
      await notifyPostModerated(tx, "community.postAutoHidden", post.authorId, "", post.thread, post.id);
      return { flagged: true as const, hidden: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "PostFlag_postId_userId_key")) throw new AppError("conflict", "errors.alreadyFlagged");
    throw error;
  }
}
