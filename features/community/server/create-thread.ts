import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { ThreadKind } from "../types";
import { loadSpace } from "./load-space";
import { preparePost } from "./prepare-post";
import { notifyMentions } from "./notify-community";
import { assertMayWrite } from "./posting-limits";
import { deletePublishedDraft } from "./delete-draft";

export type HardCaseFields = { situation: string; tried: string; question: string };
export type NewThread = {
  spaceSlug: string;
  kind: ThreadKind;
  title: string;
  /** The first post (discussions and questions). */
  body?: string;
  /** The hard-case template, assembled into the first post. */
  hardCase?: HardCaseFields;
  confirmNoClientData?: boolean;
};

/** The hard-case template as the first post: the three parts under their headings, in Ukrainian (posts are stored once). */
export function assembleHardCase(fields: HardCaseFields): string {
  return [`**Ситуація**`, fields.situation.trim(), `**Що вже спробували**`, fields.tried.trim(), `**Питання**`, fields.question.trim()].join("\n\n");
}

/**
 * Starts a thread with its first post in a space the actor may post in. The author follows it.
 * Cards in the post become content links ("Discussed in the community"); mentioned readers are notified.
 */
export async function createThread(actor: Actor, input: NewThread, now = new Date()): Promise<{ id: string; postId: string }> {
  const space = await loadSpace(actor, input.spaceSlug);
  authorize(actor, "post:community-space", space.resource);
  const rawBody = input.kind === "HARD_CASE" && input.hardCase ? assembleHardCase(input.hardCase) : (input.body ?? "");
  const post = await preparePost(actor, { ...space.resource, id: space.id }, rawBody, input.confirmNoClientData === true, { title: input.title });
  return getDb().$transaction(async (tx) => {
    await assertMayWrite(tx, actor, { ...space.resource, id: space.id }, { countsAsPost: true, links: post.links }, now);
    const thread = await tx.thread.create({
      data: { spaceId: space.id, authorId: actor.id, kind: input.kind, title: input.title.trim(), createdAt: now, lastPostAt: now },
      select: { id: true, title: true },
    });
    const created = await tx.post.create({
      data: { threadId: thread.id, authorId: actor.id, body: post.body, html: post.html, createdAt: now, confirmedNoClientData: post.confirmedNoClientData },
      select: { id: true },
    });
    if (post.cards.length)
      await tx.threadContentLink.createMany({ data: post.cards.map((c) => ({ threadId: thread.id, kind: c.kind, contentId: c.id })), skipDuplicates: true });
    await tx.threadFollow.create({ data: { userId: actor.id, threadId: thread.id } });
    await tx.threadRead.create({ data: { userId: actor.id, threadId: thread.id, lastReadAt: now } });
    await notifyMentions(tx, actor, thread, created.id, post.mentionedUserIds);
    await deletePublishedDraft(tx, actor, "THREAD", space.id);
    return { id: thread.id, postId: created.id };
  });
}
