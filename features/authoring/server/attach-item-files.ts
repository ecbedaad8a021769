import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { attachFiles } from "@/features/files/server/attach-files";
import { loadItemForWriting } from "./load-item";

export const AUTHORED_FILE_ITEM = "authored-item";

/**
 * Attaches the actor's loose uploads among `fileIds` to the item (files the text uses, saved with
 * it); ids already attached to this item are left as they are. A file of another item or author
 * stays where it is, and attachFiles answers 409 for it.
 */
export async function attachNewFiles(tx: Prisma.TransactionClient, actor: Actor, itemId: string, fileIds: readonly string[]): Promise<void> {
  if (!fileIds.length) return;
  const already = await tx.storedFile.findMany({ where: { id: { in: [...fileIds] }, itemType: AUTHORED_FILE_ITEM, itemId }, select: { id: true } });
  const attached = new Set(already.map((f) => f.id));
  await attachFiles(
    actor,
    fileIds.filter((id) => !attached.has(id)),
    { itemType: AUTHORED_FILE_ITEM, itemId },
    tx,
  );
}

/** Attaches one uploaded file to an item the actor writes (a note's PDF, a guide's screen before the text uses it). */
export async function attachItemFile(actor: Actor, itemId: string, fileId: string): Promise<{ attached: true }> {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, itemId);
  await db.$transaction((tx) => attachNewFiles(tx, actor, item.id, [fileId]));
  return { attached: true };
}
