import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { loadKnowledgeEntryForCurator } from "./load-knowledge-entry";
import { assertNoClientData } from "./assert-no-client-data";
import { isAnswerShown } from "./knowledge-entry-status";

/**
 * A curator edits an entry's title and summary. With `answerPostId` they also confirm the summary
 * against the thread's current accepted answer (clearing "needs review"); if that answer changed
 * meanwhile the write is refused with 409, so a summary is never pinned to an answer not read.
 */
export async function updateKnowledgeEntry(actor: Actor, entryId: string, input: { title: string; summary: string; answerPostId?: string }) {
  const entry = await loadKnowledgeEntryForCurator(actor, entryId);
  assertNoClientData({ title: input.title, summary: input.summary }, "errors.knowledgeClientData");
  const db = getDb();
  if (input.answerPostId !== undefined) {
    const post = await db.post.findFirst({
      where: { id: input.answerPostId, acceptedIn: { id: entry.threadId, spaceId: entry.spaceId } },
      select: { id: true, deletedAt: true, hiddenAt: true },
    });
    if (!post || !isAnswerShown(post)) throw new AppError("conflict", "errors.knowledgeAnswerChanged");
  }
  const { count } = await db.knowledgeEntry.updateMany({
    where: { id: entry.id },
    data: { title: input.title, summary: input.summary, ...(input.answerPostId !== undefined ? { postId: input.answerPostId } : {}) },
  });
  if (count === 0) throw new AppError("not_found", "errors.knowledgeEntryNotFound");
  return { id: entry.id };
}
