import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";
import { preparePost } from "./prepare-post";
import { notifyFollowers, notifyMentions } from "./notify-community";
import { spaceReadersWhere } from "./space-readers-where";
import { assertMayWrite } from "./posting-limits";
import { deletePublishedDraft } from "./delete-draft";

/**
 * Adds a reply to a thread the actor may post in: refused in a locked thread (409). The replier
 * follows the thread from now on (unless they muted it); followers and mentioned readers are notified.
 */
export async function replyToThread(actor: Actor, threadId: string, input: { body: string; confirmNoClientData?: boolean }, now = new Date()) {
  const thread = await loadThread(actor, threadId);
  authorize(actor, "post:community-space", thread.space.resource);
  if (thread.lockedAt) throw new AppError("conflict", "errors.threadLocked");
  const space = { ...thread.space.resource, id: thread.space.id };
  const post = await preparePost(actor, space, input.body, input.confirmNoClientData === true);
  return getDb().$transaction(async (tx) => {
    await assertMayWrite(tx, actor, space, { countsAsPost: true, links: post.links }, now);
    // The lock is checked again inside the write, so a lock that lands meanwhile still stops the reply.
    const { count } = await tx.thread.updateMany({ where: { id: thread.id, lockedAt: null }, data: { lastPostAt: now, replyCount: { increment: 1 } } });
    if (count === 0) throw new AppError("conflict", "errors.threadLocked");
    const created = await tx.post.create({
      data: { threadId: thread.id, authorId: actor.id, body: post.body, html: post.html, createdAt: now, confirmedNoClientData: post.confirmedNoClientData },
      select: { id: true },
    });
    if (post.cards.length)
      await tx.threadContentLink.createMany({ data: post.cards.map((c) => ({ threadId: thread.id, kind: c.kind, contentId: c.id })), skipDuplicates: true });
    await tx.threadFollow.upsert({
      where: { userId_threadId: { userId: actor.id, threadId: thread.id } },
      create: { userId: actor.id, threadId: thread.id },
      update: {},
    });
    await tx.threadRead.upsert({
      where: { userId_threadId: { userId: actor.id, threadId: thread.id } },
      create: { userId: actor.id, threadId: thread.id, lastReadAt: now },
      update: { lastReadAt: now },
    });
    await notifyMentions(tx, actor, thread, created.id, post.mentionedUserIds);
    await notifyFollowers(tx, actor, thread, created.id, post.mentionedUserIds, spaceReadersWhere(space));
    await deletePublishedDraft(tx, actor, "REPLY", thread.id);
    return { id: created.id };
  });
}
