import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";

/** A kind of item that uses files: lower-case words joined by "-" (a CHECK), e.g. "lesson", "methodology-note". */
export type FileItem = { itemType: string; itemId: string };

/**
 * Attaches the actor's own loose uploads to an item, for authoring to call in the transaction that
 * saves the item (the item's own rule has already allowed the save). Compare-and-set: only files
 * the actor uploaded and nothing has attached yet change, so a file is never taken from another
 * item or another author, and the daily purge (which deletes only loose files) cannot race it.
 * Any id that did not change answers 409, and the transaction rolls back.
 */
export async function attachFiles(actor: Actor, fileIds: readonly string[], item: FileItem, tx: Prisma.TransactionClient = getDb()): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return;
  const { count } = await tx.storedFile.updateMany({
    where: { id: { in: ids }, ownerId: actor.id, itemType: null },
    data: { itemType: item.itemType, itemId: item.itemId, attachedAt: new Date() },
  });
  if (count !== ids.length) throw new AppError("conflict", "errors.fileNotAttachable");
}
