import "server-only";
import { getDb } from "../db/client";
import { getFileStorage, type FileStorage } from "./index";

const BATCH = 200;

/**
 * Deletes uploads never attached to an item and made before `before` (the daily purge, decision
 * 029). Each batch's rows are deleted first, with the "still unattached" condition in the same
 * statement, so a file that authoring attaches meanwhile is never lost; only then go the bytes.
 * A crash between the two leaves bytes without a row, which no one can reach (keys are random).
 */
export async function purgeOrphanedFiles(before: Date, storage: FileStorage = getFileStorage()): Promise<number> {
  const db = getDb();
  // Columns are UTC timestamps without a zone: compare with the instant read in UTC, whatever the session's zone.
  const cutoff = before.toISOString();
  let purged = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ key: string }[]>`
      DELETE FROM "StoredFile"
      WHERE "id" IN (
        SELECT "id" FROM "StoredFile" WHERE "itemType" IS NULL AND "createdAt" < (${cutoff}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "createdAt" LIMIT ${BATCH}
      ) AND "itemType" IS NULL
      RETURNING "key"`;
    for (const { key } of rows) await storage.delete(key);
    purged += rows.length;
    if (rows.length < BATCH) return purged;
  }
}
