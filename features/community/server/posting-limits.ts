import "server-only";
import { getDb, type Prisma, type PrismaClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { can, type Actor, type CommunitySpaceResource } from "@/server/authz/policy";
import { NEW_ACCOUNT_DAYS, NEW_ACCOUNT_POSTS_PER_HOUR } from "../moderation-types";

export type ActiveSuspension = { id: string; endsAt: Date; reason: string; isEverywhere: boolean };

/** The suspension that stops the person posting in the space now (the one that ends last), if any. */
export async function findActiveSuspension(
  db: PrismaClient | Prisma.TransactionClient,
  userId: string,
  spaceId: string,
  now = new Date(),
): Promise<ActiveSuspension | null> {
  const row = await db.communitySuspension.findFirst({
    where: { userId, liftedAt: null, endsAt: { gt: now }, OR: [{ spaceId }, { spaceId: null }] },
    orderBy: { endsAt: "desc" },
    select: { id: true, endsAt: true, reason: true, spaceId: true },
  });
  return row ? { id: row.id, endsAt: row.endsAt, reason: row.reason, isEverywhere: row.spaceId === null } : null;
}

/** The suspension as the reader sees it on the space and thread pages. */
export async function getMySuspension(actor: Actor, spaceId: string, now = new Date()) {
  const s = await findActiveSuspension(getDb(), actor.id, spaceId, now);
  return s ? { endsAt: s.endsAt.toISOString(), reason: s.reason, isEverywhere: s.isEverywhere } : null;
}

/**
 * The checks every write (a new thread, a reply, an edit) makes inside its transaction, so they
 * hold whichever server takes the request: a suspension stops it (403 with the end and reason);
 * an account younger than a week may not post links (422) nor more than five posts an hour (429),
 * unless it moderates the space. The hourly count runs with the person's row locked, so
 * concurrent posts are counted one after another.
 */
export async function assertMayWrite(
  tx: Prisma.TransactionClient,
  actor: Actor,
  space: CommunitySpaceResource & { id: string },
  write: { countsAsPost: boolean; links: number },
  now = new Date(),
): Promise<void> {
  const suspension = await findActiveSuspension(tx, actor.id, space.id, now);
  if (suspension)
    throw new AppError("forbidden", "errors.suspendedFromPosting", undefined, undefined, {
      suspendedUntil: suspension.endsAt.toISOString(),
      reason: suspension.reason,
    });
  if (can(actor, "bypass:newcomer-limits", space)) return;
  const since = new Date(now.getTime() - NEW_ACCOUNT_DAYS * 24 * 3600_000);
  const account = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { createdAt: true } });
  if (account.createdAt <= since) return;
  if (write.links > 0) throw new AppError("unprocessable", "errors.newAccountNoLinks");
  if (!write.countsAsPost) return;
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${actor.id} FOR NO KEY UPDATE`;
  const hourAgo = new Date(now.getTime() - 3600_000);
  const recent = await tx.post.findMany({
    where: { authorId: actor.id, createdAt: { gt: hourAgo } },
    orderBy: { createdAt: "asc" },
    take: NEW_ACCOUNT_POSTS_PER_HOUR,
    select: { createdAt: true },
  });
  if (recent.length >= NEW_ACCOUNT_POSTS_PER_HOUR) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]!.createdAt.getTime() + 3600_000 - now.getTime()) / 1000));
    throw new AppError("rate_limited", "errors.newAccountPostLimit", undefined, retryAfter);
  }
}
