import "server-only";
import type { Prisma, PrismaClient } from "@/server/db/client";
import { postHref } from "./notify-community";

/** The marker line the renderer reads at the top of a blockquote (render-post.ts). */
const QUOTE_MARKER = /^[ \t]*>[ \t]?\[quote:([A-Za-z0-9_-]{1,64})\][ \t]*$/gm;

export type QuotedPost = { author: string; href: string };

/**
 * The posts a body quotes (`> [quote:<postId>]`), found only in the same space and not removed,
 * so an attribution never names a post its readers cannot open; others stay as written.
 */
export async function findQuotedPosts(db: PrismaClient | Prisma.TransactionClient, spaceId: string, body: string): Promise<Map<string, QuotedPost>> {
  const ids = [...new Set([...body.matchAll(QUOTE_MARKER)].map((m) => m[1]!))].slice(0, 20);
  if (ids.length === 0) return new Map();
  const posts = await db.post.findMany({
    where: { id: { in: ids }, deletedAt: null, hiddenAt: null, thread: { spaceId } },
    select: { id: true, threadId: true, author: { select: { name: true } } },
  });
  return new Map(posts.map((p) => [p.id, { author: p.author.name, href: postHref(p.threadId, p.id) }]));
}
