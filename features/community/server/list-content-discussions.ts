import "server-only";
import { getDb } from "@/server/db/client";
import { communityThreadsWhere, type Actor } from "@/server/authz/policy";
import type { ThreadKind } from "../types";

export type ContentDiscussion = { id: string; title: string; kind: ThreadKind; spaceName: string; replyCount: number; isAnswered: boolean };

/** "Discussed in the community": threads that point to a lesson or guide, only those the actor may read, newest activity first. */
export async function listContentDiscussions(actor: Actor, kind: "lesson" | "guide", contentId: string, limit = 10): Promise<ContentDiscussion[]> {
  const rows = await getDb().thread.findMany({
    where: { AND: [communityThreadsWhere(actor), { contentLinks: { some: { kind, contentId } } }] },
    orderBy: [{ lastPostAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, kind: true, replyCount: true, acceptedPostId: true, space: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as ThreadKind,
    spaceName: r.space.name,
    replyCount: r.replyCount,
    isAnswered: r.acceptedPostId !== null,
  }));
}
