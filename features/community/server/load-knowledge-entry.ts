import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor, type CommunitySpaceResource } from "@/server/authz/policy";
import { assertReadsSpace, toSpaceResource } from "./load-space";

export type LoadedKnowledgeEntry = {
  id: string;
  spaceId: string;
  threadId: string;
  space: CommunitySpaceResource;
};

/**
 * An entry and its space's facts for a curator of that space: 404 when missing (or in a space the
 * actor may not know), 403 for someone who reads the space but does not keep its knowledge base.
 */
export async function loadKnowledgeEntryForCurator(actor: Actor, entryId: string): Promise<LoadedKnowledgeEntry> {
  const row = await getDb().knowledgeEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      spaceId: true,
      threadId: true,
      space: { select: { kind: true, regionId: true, ownerId: true, members: { where: { userId: actor.id }, select: { userId: true } } } },
    },
  });
  if (!row) throw new AppError("not_found", "errors.knowledgeEntryNotFound");
  const space = toSpaceResource(row.space);
  assertReadsSpace(actor, space);
  authorize(actor, "curate:community-knowledge", space);
  return { id: row.id, spaceId: row.spaceId, threadId: row.threadId, space };
}
