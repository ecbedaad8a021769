import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadKnowledgeEntryForCurator } from "./load-knowledge-entry";

/** A curator takes an entry out of the knowledge base (the thread and its answer stay). */
export async function removeKnowledgeEntry(actor: Actor, entryId: string) {
  const entry = await loadKnowledgeEntryForCurator(actor, entryId);
  await getDb().knowledgeEntry.deleteMany({ where: { id: entry.id } });
  return { ok: true as const };
}
