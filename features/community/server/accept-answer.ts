import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadPost } from "./load-post";
import { notifyAccepted } from "./notify-community";

/**
 * The question's author (or a moderator) marks a reply as the accepted answer. One per thread,
 * decided by a compare-and-set on `acceptedPostId IS NULL`: of two at once, one wins and the other
 * gets 409 (accepting the same answer again is fine). The answer's author is notified.
 */
export async function acceptAnswer(actor: Actor, postId: string) {
  const post = await loadPost(actor, postId);
  const { thread } = post;
  authorize(actor, "accept:community-answer", { authorId: thread.authorId, space: thread.space.resource });
  if (thread.kind !== "QUESTION") throw new AppError("conflict", "errors.notAQuestion");
  if (post.isFirst || post.deletedAt) throw new AppError("conflict", "errors.answerNotAcceptable");
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.thread.updateMany({ where: { id: thread.id, acceptedPostId: null }, data: { acceptedPostId: post.id } });
    if (count === 0) {
      const now = await tx.thread.findUniqueOrThrow({ where: { id: thread.id }, select: { acceptedPostId: true } });
      if (now.acceptedPostId === post.id) return { acceptedPostId: post.id };
      throw new AppError("conflict", "errors.answerAlreadyAccepted");
    }
    await notifyAccepted(tx, actor, thread, post.id, post.authorId);
    return { acceptedPostId: post.id };
  });
}
