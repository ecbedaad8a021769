import "server-only";
import { getDb } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { goLive } from "./go-live";

/**
 * The job that publishes versions approved for a later day once their day has come (every app
 * server runs it; the item's row lock and goLive's "only newer" rule make a second run a no-op).
 */
export async function publishDueVersions(now = new Date()): Promise<number> {
  const db = getDb();
  const due = await db.authoredVersion.findMany({ where: { publishedAt: null, publishAt: { lte: now } }, select: { itemId: true, number: true }, take: 200 });
  let published = 0;
  for (const version of due) {
    const went = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "AuthoredItem" WHERE "id" = ${version.itemId} FOR UPDATE`;
      const still = await tx.authoredVersion.findUnique({ where: { itemId_number: version }, select: { publishedAt: true } });
      if (!still || still.publishedAt !== null) return false;
      const live = await goLive(tx, version.itemId, version.number, now);
      if (live) {
        const item = await tx.authoredItem.findUniqueOrThrow({ where: { id: version.itemId }, select: { kind: true, regionId: true } });
        await recordAudit(tx, {
          actorId: null,
          action: "content.published",
          targetType: "AuthoredItem",
          targetId: version.itemId,
          regionId: item.regionId,
          detail: { kind: item.kind, version: version.number, scheduled: true },
        });
      }
      return live;
    });
    if (went) published++;
  }
  return published;
}
