import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";
import { assertNoClientData } from "./assert-no-client-data";
import { isAnswerShown } from "./knowledge-entry-status";

/**
 * A region's methodologist adds a question's accepted answer to the region's knowledge base, with
 * a short summary; the title defaults to the thread's. One entry per thread (a unique index): of
 * two adds at once one is written and the other answers 409. New entries go last.
 */
export async function addKnowledgeEntry(actor: Actor, threadId: string, input: { title?: string; summary: string }) {
  const thread = await loadThread(actor, threadId);
  authorize(actor, "curate:community-knowledge", thread.space.resource);
  if (thread.kind !== "QUESTION") throw new AppError("conflict", "errors.notAQuestion");
  const db = getDb();
  const accepted = thread.acceptedPostId
    ? await db.post.findUnique({ where: { id: thread.acceptedPostId }, select: { id: true, deletedAt: true, hiddenAt: true } })
    : null;
  if (!accepted || !isAnswerShown(accepted)) throw new AppError("conflict", "errors.knowledgeNeedsAcceptedAnswer");
  const title = input.title ?? thread.title;
  assertNoClientData({ title, summary: input.summary }, "errors.knowledgeClientData");
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.knowledgeEntry.aggregate({ where: { spaceId: thread.space.id }, _max: { position: true } });
      const entry = await tx.knowledgeEntry.create({
        data: {
          spaceId: thread.space.id,
          threadId: thread.id,
          postId: accepted.id,
          title,
          summary: input.summary,
          position: (last._max.position ?? 0) + 1,
          addedById: actor.id,
        },
        select: { id: true },
      });
      return { id: entry.id };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
