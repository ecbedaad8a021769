import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadPost } from "./load-post";

export type PostVersion = { body: string; at: string; editedByName: string | null };
export type PostHistory = {
  postId: string;
  threadId: string;
  threadTitle: string;
  authorName: string;
  /** The text now (empty when its author removed it) and the earlier versions, newest first. */
  current: PostVersion;
  earlier: PostVersion[];
};

/**
 * A post's earlier versions, for its author and the space's moderators only: an edit often removes
 * a client's data that slipped in, so the old text must not be one click away for every reader.
 * Shown as plain text (the page escapes it), never as HTML.
 */
export async function getPostHistory(actor: Actor, postId: string): Promise<PostHistory> {
  const post = await loadPost(actor, postId);
  authorize(actor, "read:community-post-history", { authorId: post.authorId, space: post.thread.space.resource, withinEditWindow: post.withinEditWindow });
  const row = await getDb().post.findUniqueOrThrow({
    where: { id: post.id },
    select: {
      editedAt: true,
      createdAt: true,
      author: { select: { name: true } },
      revisions: { orderBy: { createdAt: "desc" }, select: { body: true, createdAt: true, editedBy: { select: { name: true } } } },
    },
  });
  // Each revision holds the text as it was before the edit made at `createdAt` by `editedBy`:
  // the newest revision's editor made the current text, an older one's the text after it.
  const editors = row.revisions.map((r) => ({ at: r.createdAt.toISOString(), by: r.editedBy.name }));
  return {
    postId: post.id,
    threadId: post.thread.id,
    threadTitle: post.thread.title,
    authorName: row.author.name,
    current: { body: post.deletedAt ? "" : post.body, at: (row.editedAt ?? row.createdAt).toISOString(), editedByName: editors[0]?.by ?? null },
    earlier: row.revisions.map((r, i) => ({
      body: r.body,
      at: editors[i + 1]?.at ?? row.createdAt.toISOString(),
      editedByName: editors[i + 1]?.by ?? null,
    })),
  };
}
