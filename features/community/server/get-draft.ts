import "server-only";
import { getDb } from "@/server/db/client";
import { communityDraftsWhere, type Actor } from "@/server/authz/policy";
import { ZDraftContent, type DraftKind, type TDraftView } from "../draft-schemas";
import { ownDraftKey } from "./draft-target";

/** The actor's own draft for a target, or null. Only ever the actor's: their id is in the query. */
export async function getDraft(actor: Actor, kind: DraftKind, target: string): Promise<TDraftView | null> {
  const key = await ownDraftKey(kind, target);
  if (!key) return null;
  const row = await getDb().postDraft.findFirst({
    where: { AND: [communityDraftsWhere(actor), { kind: key.kind, targetId: key.targetId }] },
    select: { revision: true, updatedAt: true, content: true },
  });
  if (!row) return null;
  // Written through the same schema; a row that no longer fits (an older shape) is treated as none.
  const content = ZDraftContent.safeParse(row.content);
  return content.success ? { revision: Number(row.revision), updatedAt: row.updatedAt.toISOString(), content: content.data } : null;
}
