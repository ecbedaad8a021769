import "server-only";
import { getDb } from "@/server/db/client";
import { can, type Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";
import { isAnswerShown } from "./knowledge-entry-status";

export type ThreadKnowledge = {
  /** The region knowledge base's address when the thread is in it. */
  knowledgeHref: string | null;
  /** Whether the reader may add the thread's accepted answer to the knowledge base now. */
  canAdd: boolean;
  /** The title an entry starts with: the thread's. */
  defaultTitle: string;
};

/** The thread page's knowledge-base control: in the base already, or may the reader add it. */
export async function getThreadKnowledge(actor: Actor, threadId: string): Promise<ThreadKnowledge> {
  const thread = await loadThread(actor, threadId);
  const db = getDb();
  const [entry, accepted] = await Promise.all([
    db.knowledgeEntry.findUnique({ where: { threadId: thread.id }, select: { spaceId: true } }),
    thread.acceptedPostId ? db.post.findUnique({ where: { id: thread.acceptedPostId }, select: { deletedAt: true, hiddenAt: true } }) : null,
  ]);
  const inThisSpace = entry !== null && entry.spaceId === thread.space.id;
  return {
    knowledgeHref: inThisSpace ? `/community/${thread.space.slug}/knowledge` : null,
    canAdd: entry === null && thread.kind === "QUESTION" && isAnswerShown(accepted) && can(actor, "curate:community-knowledge", thread.space.resource),
    defaultTitle: thread.title,
  };
}
