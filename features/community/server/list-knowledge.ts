import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { can, communityKnowledgeWhere, type Actor } from "@/server/authz/policy";
import { loadSpace } from "./load-space";
import { knowledgeStatus, type KnowledgeStatus } from "./knowledge-entry-status";
import { nameUnlessErased } from "@/features/accounts/erased";

export type KnowledgeEntryView = {
  id: string;
  title: string;
  summary: string;
  threadId: string;
  threadTitle: string;
  /** The thread's current accepted answer (sanitized HTML rendered on write); null when none is shown. Its author is null when erased (decision 051). */
  answer: { postId: string; html: string; authorName: string | null } | null;
  status: KnowledgeStatus;
};

export type KnowledgeView = {
  space: { slug: string; name: string };
  /** Whether the reader keeps this knowledge base (add, edit, order, remove; sees entries that need review). */
  canCurate: boolean;
  entries: KnowledgeEntryView[];
};

/**
 * A region space's knowledge base for its readers (`communitySpacesWhere`; 404 for a space that is
 * not a region's, 403 for another region's). Each entry shows its thread's current accepted answer;
 * entries whose answer is gone are shown to the region's methodologists only, flagged for review.
 */
export async function listKnowledge(actor: Actor, slug: string): Promise<KnowledgeView> {
  const space = await loadSpace(actor, slug);
  if (space.kind !== "REGION") throw new AppError("not_found", "errors.communityNotFound");
  const canCurate = can(actor, "curate:community-knowledge", space.resource);
  const rows = await getDb().knowledgeEntry.findMany({
    where: { AND: [{ spaceId: space.id }, canCurate ? {} : communityKnowledgeWhere(actor)] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      summary: true,
      spaceId: true,
      postId: true,
      thread: {
        select: {
          id: true,
          title: true,
          spaceId: true,
          acceptedPost: { select: { id: true, html: true, deletedAt: true, hiddenAt: true, author: { select: { name: true, status: true } } } },
        },
      },
    },
  });
  const entries = rows
    .map((r): KnowledgeEntryView => {
      const accepted = r.thread.acceptedPost;
      const status = knowledgeStatus({ entrySpaceId: r.spaceId, entryPostId: r.postId, threadSpaceId: r.thread.spaceId, accepted });
      return {
        id: r.id,
        title: r.title,
        summary: r.summary,
        threadId: r.thread.id,
        threadTitle: r.thread.title,
        answer: status !== "missing" && accepted ? { postId: accepted.id, html: accepted.html, authorName: nameUnlessErased(accepted.author) } : null,
        status,
      };
    })
    .filter((e) => canCurate || e.status !== "missing");
  return { space: { slug: space.slug, name: space.name }, canCurate, entries };
}
