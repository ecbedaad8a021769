import "server-only";
import type { Prisma } from "@/server/db/client";
import { editImpact } from "../edit-rules";
import { screensAndItems, type AuthoredMeta } from "./version-meta";

/**
 * Makes a version the one learners read, inside the caller's transaction (the item's row locked),
 * and applies the edit rules (decision 032, features/authoring/edit-rules.ts) against the version
 * it replaces: unfinished learners go back to the opening when the screens changed, and review
 * cards of removed items or changed answers are removed. Finished work is never touched. A version
 * older than the current one (a late scheduled run) does nothing.
 */
export async function goLive(tx: Prisma.TransactionClient, itemId: string, number: number, now: Date): Promise<boolean> {
  const item = await tx.authoredItem.findUniqueOrThrow({ where: { id: itemId }, select: { kind: true, slug: true, currentVersion: true } });
  if (item.currentVersion !== null && item.currentVersion >= number) return false;
  const version = await tx.authoredVersion.findUniqueOrThrow({ where: { itemId_number: { itemId, number } } });
  await tx.authoredVersion.updateMany({ where: { itemId, number, publishedAt: null }, data: { publishedAt: now } });
  await tx.authoredItem.update({ where: { id: itemId }, data: { currentVersion: number, title: version.title, summary: version.summary } });
  if (item.currentVersion === null || item.kind === "note") return true;
  const previous = await tx.authoredVersion.findUniqueOrThrow({ where: { itemId_number: { itemId, number: item.currentVersion } }, select: { meta: true } });
  const impact = editImpact(screensAndItems(item.kind, previous.meta as AuthoredMeta), screensAndItems(item.kind, version.meta as AuthoredMeta));
  if (item.kind === "lesson") {
    if (!impact.keepsPositions) await tx.lessonProgress.updateMany({ where: { lessonId: item.slug, completedAt: null }, data: { step: 0 } });
    if (impact.resetItemIds.length) await tx.reviewCard.deleteMany({ where: { lessonId: item.slug, itemId: { in: impact.resetItemIds } } });
  } else if (!impact.keepsPositions) {
    await tx.walkthroughProgress.updateMany({ where: { walkthroughId: item.slug, completedAt: null }, data: { step: 0 } });
  }
  return true;
}

/** The next version number of an item (its row locked by the caller). */
export async function nextVersionNumber(tx: Prisma.TransactionClient, itemId: string): Promise<number> {
  const last = await tx.authoredVersion.aggregate({ where: { itemId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}
