/**
 * Whether a knowledge-base entry still stands on its thread's accepted answer (decision 024): the
 * entry always shows the thread's current accepted answer. It is "current" when that is the answer
 * the summary was written about; "changed" (shown, flagged for review) when another answer is now
 * accepted; "missing" (shown to its curators only, flagged) when the thread has no shown accepted
 * answer any more — none, removed, hidden — or the thread has left the region's space.
 */
export type KnowledgeStatus = "current" | "changed" | "missing";

export type KnowledgeFacts = {
  entrySpaceId: string;
  entryPostId: string | null;
  threadSpaceId: string;
  accepted: { id: string; deletedAt: Date | null; hiddenAt: Date | null } | null;
};

/** The one place that says an accepted answer can be shown: not removed by its author, not hidden by a moderator. */
export function isAnswerShown(post: { deletedAt: Date | null; hiddenAt: Date | null } | null): post is { deletedAt: null; hiddenAt: null } {
  return post !== null && post.deletedAt === null && post.hiddenAt === null;
}

export function knowledgeStatus(f: KnowledgeFacts): KnowledgeStatus {
  if (f.threadSpaceId !== f.entrySpaceId || !f.accepted || !isAnswerShown(f.accepted)) return "missing";
  return f.accepted.id === f.entryPostId ? "current" : "changed";
}
