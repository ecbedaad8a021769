import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import type { ModerationDecision } from "../moderation-types";
import { loadPost } from "./load-post";
import { recordModeration } from "./record-moderation";
import { notifyPostModerated } from "./notify-community";

const ACTION = { hide: "HIDE", restore: "RESTORE", dismiss: "DISMISS" } as const;

/**
 * A moderator of the space decides on a post, with a reason: hide it (also a post the flags hid),
 * restore a hidden one, or dismiss the flags on a visible one. The decision is a compare-and-set
 * on the `moderationVersion` the moderator saw: of two decisions at once one wins, the other gets
 * 409. Open flags are resolved, the post leaves the queue, the author is told of a hide or a
 * restore, and the action is logged — all in one transaction.
 */
export async function decidePost(
  actor: Actor,
  postId: string,
  input: { decision: ModerationDecision; reason: string; version: number },
  now = new Date(),
): Promise<{ hidden: boolean; version: number }> {
  const post = await loadPost(actor, postId, now);
  authorize(actor, "moderate:community-space", post.thread.space.resource);
  if (post.deletedAt) throw new AppError("conflict", "errors.postRemoved");
  if (input.version !== post.moderationVersion) throw new AppError("conflict", "errors.moderationDecided");
  const isHidden = post.hiddenAt !== null;
  if (input.decision === "restore" && !isHidden) throw new AppError("conflict", "errors.postNotHidden");
  if (input.decision === "dismiss" && isHidden) throw new AppError("conflict", "errors.postAlreadyHidden");
  const reason = input.reason.trim();
  return getDb().$transaction(async (tx) => {
    const hide = input.decision === "hide";
    const { count } = await tx.post.updateMany({
      where: { id: post.id, moderationVersion: input.version, deletedAt: null },
      data: {
        moderationVersion: { increment: 1 },
        reviewedAt: now,
        ...(hide ? { hiddenAt: post.hiddenAt ?? now, hiddenReason: reason } : {}),
        ...(input.decision === "restore" ? { hiddenAt: null, hiddenReason: null } : {}),
      },
    });
    if (count === 0) throw new AppError("conflict", "errors.moderationDecided");
    await tx.postFlag.updateMany({ where: { postId: post.id, resolvedAt: null }, data: { resolvedAt: now } });
    // Hidden posts do not count as replies, as removed ones do not.
    if (!post.isFirst && hide && !isHidden)
      await tx.thread.updateMany({ where: { id: post.thread.id, replyCount: { gt: 0 } }, data: { replyCount: { decrement: 1 } } });
    if (!post.isFirst && input.decision === "restore") await tx.thread.update({ where: { id: post.thread.id }, data: { replyCount: { increment: 1 } } });
    await recordModeration(
      tx,
      {
        spaceId: post.thread.space.id,
        actorId: actor.id,
        action: ACTION[input.decision],
        threadId: post.thread.id,
        postId: post.id,
        targetUserId: post.authorId,
        reason,
      },
      now,
    );
    if (input.decision !== "dismiss" && post.authorId !== actor.id) {
      const me = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
      await notifyPostModerated(tx, hide ? "community.postHidden" : "community.postRestored", post.authorId, me.name, post.thread, post.id);
    }
    return { hidden: hide || (isHidden && input.decision !== "restore"), version: input.version + 1 };
  });
}
