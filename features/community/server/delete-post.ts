import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadPost } from "./load-post";

/**
 * The author removes their post: it stays in place as "removed" (the conversation around it keeps
 * its shape), its text and rendering are cleared, and it stops counting as a reply. Repeating is harmless.
 */
export async function deletePost(actor: Actor, postId: string, now = new Date()) {
  const post = await loadPost(actor, postId, now);
  authorize(actor, "delete:community-post", { authorId: post.authorId, space: post.thread.space.resource, withinEditWindow: post.withinEditWindow });
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({ where: { id: post.id, deletedAt: null }, data: { deletedAt: now, body: "", html: "" } });
    if (count > 0 && !post.isFirst)
      await tx.thread.updateMany({ where: { id: post.thread.id, replyCount: { gt: 0 } }, data: { replyCount: { decrement: 1 } } });
    // A removed answer is no longer the accepted one.
    if (count > 0) await tx.thread.updateMany({ where: { id: post.thread.id, acceptedPostId: post.id }, data: { acceptedPostId: null } });
    return { ok: true as const };
  });
}
