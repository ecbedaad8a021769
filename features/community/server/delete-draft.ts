import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { communityDraftsWhere, type Actor } from "@/server/authz/policy";
import type { DraftKind } from "../draft-schemas";
import { ownDraftKey, type DraftRowKind } from "./draft-target";

/**
 * Deletes the actor's own draft for a target (the author discarded it). Idempotent: no draft is
 * not an error. `upToRevision` spares a draft saved after the one the author discarded (another tab).
 */
export async function deleteDraft(actor: Actor, kind: DraftKind, target: string, upToRevision?: number): Promise<{ ok: true }> {
  const key = await ownDraftKey(kind, target);
  if (key) {
    await getDb().postDraft.deleteMany({
      where: {
        AND: [
          communityDraftsWhere(actor),
          { kind: key.kind, targetId: key.targetId },
          upToRevision === undefined ? {} : { revision: { lte: BigInt(upToRevision) } },
        ],
      },
    });
  }
  return { ok: true };
}

/** Inside the transaction that publishes a post: its author's draft for the same target goes with it. */
export async function deletePublishedDraft(tx: Prisma.TransactionClient, actor: Actor, kind: DraftRowKind, targetId: string): Promise<void> {
  await tx.postDraft.deleteMany({ where: { AND: [communityDraftsWhere(actor), { kind, targetId }] } });
}
