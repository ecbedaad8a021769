import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { communitySpacesWhere, type Actor } from "@/server/authz/policy";
import type { ThreadKind } from "../types";

/** A piece of a matching post, with the matched words marked (`hit`); rendered as text, never HTML. */
export type SearchFragment = { text: string; hit: boolean }[];
export type SearchResult = {
  threadId: string;
  postId: string;
  title: string;
  kind: ThreadKind;
  spaceName: string;
  isAcceptedAnswer: boolean;
  fragment: SearchFragment;
};

/** The stem of each query word (its last two letters dropped, at least three kept), for marking other word forms. */
function stems(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .map((w) => (w.length > 4 ? w.slice(0, Math.max(3, w.length - 2)) : w));
}

/** A window of about 30 words around the first word that matches a query word's stem, the matches marked. */
export function fragmentOf(body: string, query: string, radius = 15): SearchFragment {
  const wanted = stems(query);
  const words = body.replace(/\s+/g, " ").trim().split(" ");
  const isHit = (w: string) => {
    const bare = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    return wanted.some((stem) => bare.startsWith(stem));
  };
  const first = Math.max(0, words.findIndex(isHit));
  const from = Math.max(0, first - radius);
  const to = Math.min(words.length, first + radius);
  const parts: SearchFragment = [];
  if (from > 0) parts.push({ text: "… ", hit: false });
  words.slice(from, to).forEach((w, i) => {
    if (i > 0) parts.push({ text: " ", hit: false });
    parts.push({ text: w, hit: isHit(w) });
  });
  if (to < words.length) parts.push({ text: " …", hit: false });
  return parts;
}

/**
 * Searches the posts of the threads the actor may read: PostgreSQL full text (`simple`, so no
 * language's stemmer guesses at Ukrainian) or trigram word similarity (`pg_trgm`), so other forms of
 * a Ukrainian word still match. The spaces come from `communitySpacesWhere`, so a private group's
 * posts never reach a non-member. Accepted answers first, then by rank; removed posts are skipped.
 */
export async function searchCommunity(
  actor: Actor,
  query: string,
  options: { spaceSlug?: string; kind?: ThreadKind; limit?: number } = {},
): Promise<SearchResult[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const db = getDb();
  const spaces = await db.communitySpace.findMany({
    where: { AND: [communitySpacesWhere(actor), options.spaceSlug ? { slug: options.spaceSlug } : {}] },
    select: { id: true },
  });
  if (spaces.length === 0) return [];
  const ids = Prisma.join(spaces.map((s) => s.id));
  const kind = options.kind ? Prisma.sql`AND t."kind" = ${options.kind}` : Prisma.empty;
  const limit = Math.min(options.limit ?? 20, 50);
  const rows = await db.$queryRaw<{ threadId: string; postId: string; title: string; kind: string; spaceName: string; accepted: boolean; body: string }[]>`
    WITH q AS (SELECT plainto_tsquery('simple', ${q}) AS tsq)
    SELECT t."id" AS "threadId", p."id" AS "postId", t."title", t."kind", s."name" AS "spaceName",
           (t."acceptedPostId" = p."id") AS "accepted",
           p."body"
      FROM "Post" p
      JOIN "Thread" t ON t."id" = p."threadId"
      JOIN "CommunitySpace" s ON s."id" = t."spaceId", q
     WHERE t."spaceId" IN (${ids}) ${kind}
       AND p."deletedAt" IS NULL
       AND p."hiddenAt" IS NULL
       AND (to_tsvector('simple', t."title" || ' ' || p."body") @@ q.tsq
            OR word_similarity(${q}, p."body") > 0.5
            OR word_similarity(${q}, t."title") > 0.5)
     ORDER BY (t."acceptedPostId" = p."id") DESC NULLS LAST,
              ts_rank(to_tsvector('simple', t."title" || ' ' || p."body"), q.tsq)
                + greatest(word_similarity(${q}, p."body"), word_similarity(${q}, t."title")) DESC,
              p."createdAt" DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({
    threadId: r.threadId,
    postId: r.postId,
    title: r.title,
    kind: r.kind as ThreadKind,
    spaceName: r.spaceName,
    isAcceptedAnswer: r.accepted === true,
    fragment: fragmentOf(r.body, q),
  }));
}
