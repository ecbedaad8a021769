import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { can, communityThreadsWhere, type Actor } from "@/server/authz/policy";
import { THREADS_PAGE_SIZE, type ThreadKind } from "../types";
import { loadSpace, type LoadedSpace } from "./load-space";
import { nameUnlessErased } from "@/features/accounts/erased";

export type ThreadSummary = {
  id: string;
  kind: ThreadKind;
  title: string;
  /** Null when the author's account was erased: the page says "a former member" (decision 051). */
  authorName: string | null;
  replyCount: number;
  lastPostAt: string;
  isAnswered: boolean;
  isLocked: boolean;
  /** Pinned by a moderator: listed first, on the first page (decision 023). */
  isPinned: boolean;
  /** Posts newer than the actor's read mark (or never opened). */
  hasUnread: boolean;
};

export type SpaceThreads = { space: Omit<LoadedSpace, "resource">; threads: ThreadSummary[]; nextCursor: string | null; canModerate: boolean };

/** A cursor is the last thread's activity time and id, so paging stays stable while new posts arrive. */
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [ms, id] = cursor.split("_");
  const at = new Date(Number(ms));
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** A space's threads, newest activity first, one page at a time (404 for a group the actor is not in, 403 for another region's space). */
export async function listThreads(actor: Actor, slug: string, options: { cursor?: string } = {}): Promise<SpaceThreads> {
  const space = await loadSpace(actor, slug);
  const db = getDb();
  const cursor = decodeCursor(options.cursor);
  const where: Prisma.ThreadWhereInput = {
    AND: [
      communityThreadsWhere(actor),
      { spaceId: space.id },
      cursor ? { OR: [{ lastPostAt: { lt: cursor.at } }, { lastPostAt: cursor.at, id: { lt: cursor.id } }] } : {},
      { pinSlot: null },
    ],
  };
  const select = {
    id: true,
    kind: true,
    title: true,
    replyCount: true,
    lastPostAt: true,
    acceptedPostId: true,
    lockedAt: true,
    author: { select: { name: true, status: true } },
    pinSlot: true,
    reads: { where: { userId: actor.id }, select: { lastReadAt: true } },
  } satisfies Prisma.ThreadSelect;
  // Pinned threads come first, on the first page only; the cursor pages through the others.
  const [pinned, rows] = await Promise.all([
    cursor
      ? []
      : db.thread.findMany({
          where: { AND: [communityThreadsWhere(actor), { spaceId: space.id }, { pinSlot: { not: null } }] },
          orderBy: { pinSlot: "asc" },
          select,
        }),
    db.thread.findMany({ where, orderBy: [{ lastPostAt: "desc" }, { id: "desc" }], take: THREADS_PAGE_SIZE + 1, select }),
  ]);
  const page = rows.slice(0, THREADS_PAGE_SIZE);
  const last = page.at(-1);
  const { resource: _resource, ...shown } = space;
  return {
    space: shown,
    canModerate: can(actor, "moderate:community-space", space.resource),
    threads: [...pinned, ...page].map((t) => ({
      id: t.id,
      kind: t.kind as ThreadKind,
      title: t.title,
      authorName: nameUnlessErased(t.author),
      replyCount: t.replyCount,
      lastPostAt: t.lastPostAt.toISOString(),
      isAnswered: t.acceptedPostId !== null,
      isLocked: t.lockedAt !== null,
      isPinned: t.pinSlot !== null,
      hasUnread: !t.reads[0] || t.reads[0].lastReadAt < t.lastPostAt,
    })),
    nextCursor: rows.length > THREADS_PAGE_SIZE && last ? `${last.lastPostAt.getTime()}_${last.id}` : null,
  };
}
