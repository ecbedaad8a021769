import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadKnowledgeEntryForCurator } from "./load-knowledge-entry";

/**
 * Moves an entry one place up or down. The space's entries are renumbered 1…n in one transaction,
 * so positions stay dense whatever order earlier adds and removals left; at either end it stays put.
 */
export async function moveKnowledgeEntry(actor: Actor, entryId: string, direction: "up" | "down") {
  const entry = await loadKnowledgeEntryForCurator(actor, entryId);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.knowledgeEntry.findMany({
      where: { spaceId: entry.spaceId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const ids = rows.map((r) => r.id);
    const from = ids.indexOf(entry.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from >= 0 && to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [i, id] of ids.entries()) {
      if (rows.find((r) => r.id === id)!.position !== i + 1) await tx.knowledgeEntry.update({ where: { id }, data: { position: i + 1 } });
    }
    return { position: ids.indexOf(entry.id) + 1 };
  });
}
