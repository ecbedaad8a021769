import "server-only";
import { getDb } from "@/server/db/client";
import type { CatalogNote } from "@/features/content/server/load-catalog";

/** A published note's PDF attachments, for a reader the catalog already let see the note. */
export async function getNoteAttachments(note: CatalogNote) {
  return getDb().storedFile.findMany({
    where: { itemType: "authored-item", itemId: note.itemId, kind: "PDF" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, size: true },
  });
}
