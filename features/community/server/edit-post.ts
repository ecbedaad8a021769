import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadPost } from "./load-post";
import { preparePost } from "./prepare-post";
import { assertMayWrite } from "./posting-limits";
import { deletePublishedDraft } from "./delete-draft";

/**
 * Changes a post's text (its author within the edit window, a moderator always), keeping the
 * previous text as a revision. The guard runs again; a removed post or a locked thread cannot be edited.
 */
export async function editPost(actor: Actor, postId: string, input: { body: string; confirmNoClientData?: boolean }, now = new Date()) {
  const post = await loadPost(actor, postId, now);
  authorize(actor, "edit:community-post", { authorId: post.authorId, space: post.thread.space.resource, withinEditWindow: post.withinEditWindow });
  if (post.deletedAt) throw new AppError("conflict", "errors.postRemoved");
  if (post.thread.lockedAt) throw new AppError("conflict", "errors.threadLocked");
  const prepared = await preparePost(actor, { ...post.thread.space.resource, id: post.thread.space.id }, input.body, input.confirmNoClientData === true);
  return getDb().$transaction(async (tx) => {
    await assertMayWrite(tx, actor, { ...post.thread.space.resource, id: post.thread.space.id }, { countsAsPost: false, links: prepared.links }, now);
    // Compare-and-set on the text read above: two editors at once cannot both overwrite it unseen.
    const { count } = await tx.post.updateMany({
      where: { id: post.id, deletedAt: null, body: post.body },
      // A newly confirmed text goes back to the moderators' queue.
      data: {
        body: prepared.body,
        html: prepared.html,
        editedAt: now,
        confirmedNoClientData: prepared.confirmedNoClientData,
        ...(prepared.confirmedNoClientData ? { reviewedAt: null } : {}),
      },
    });
    if (count === 0) throw new AppError("conflict", "errors.postChanged");
    await tx.postRevision.create({ data: { postId: post.id, body: post.body, editedById: actor.id, createdAt: now } });
    await deletePublishedDraft(tx, actor, "EDIT", post.id);
    if (prepared.cards.length)
      await tx.threadContentLink.createMany({
        data: prepared.cards.map((c) => ({ threadId: post.thread.id, kind: c.kind, contentId: c.id })),
        skipDuplicates: true,
      });
    return { id: post.id };
  });
}
