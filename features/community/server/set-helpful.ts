import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadPost } from "./load-post";

/**
 * Marks a post helpful (or takes the mark back). One mark per person per post, kept by a unique
 * index: a second "on" at the same moment is the same mark. Not on one's own or a removed post.
 */
export async function setHelpful(actor: Actor, postId: string, helpful: boolean): Promise<{ helpful: boolean; count: number }> {
  const post = await loadPost(actor, postId);
  authorize(actor, "read:community-space", post.thread.space.resource);
  if (post.authorId === actor.id || post.deletedAt) throw new AppError("conflict", "errors.helpfulNotAllowed");
  const db = getDb();
  if (helpful) {
    try {
      await db.postReaction.create({ data: { postId: post.id, userId: actor.id } });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  } else {
    await db.postReaction.deleteMany({ where: { postId: post.id, userId: actor.id } });
  }
  return { helpful, count: await db.postReaction.count({ where: { postId: post.id } }) };
}
