import "server-only";
import { getDb } from "@/server/db/client";
import { communityThreadsWhere, type Actor } from "@/server/authz/policy";
import type { ThreadKind } from "../types";

export type ContentDiscussion = { id: string; title: string; kind: ThreadKind; spaceName: string; replyCount: number; isAnswered: boolean };

/** "Discussed in the community": threads that point to a lesson or guide, only those the actor may read, newest activity first. */
export async function listContentDiscussions(actor: Actor, kind: "lesson" | "guide", contentId: string, limit = 10): Promise<ContentDiscussion[]> {
  const db = getDb();
  const rows = await db.thread.findMany({
    where: { AND: [communityThreadsWhere(actor), { contentLinks: { some: { kind, contentId } } }] },
    orderBy: [{ lastPostAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, kind: true, replyCount: true, acceptedPostId: true, spaceId: true },
  });
  // Every lesson and guide page asks, and most have no discussion: the spaces' names are read only
  // when there are threads (a `space` include queries the spaces even for none).
  if (rows.length === 0) return [];
  const spaces = await db.communitySpace.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.spaceId))] } }, select: { id: true, name: true } });
  const spaceName = new Map(spaces.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as ThreadKind,
    spaceName: spaceName.get(r.spaceId) ?? "",
    replyCount: r.replyCount,
    isAnswered: r.acceptedPostId !== null,
  }));
}
