import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { communitySpacesWhere, type Actor } from "@/server/authz/policy";
import { SEARCH_PAGE_SIZE, type ThreadKind } from "../types";

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
/** One page of results; `total` counts every match the actor may read. */
export type SearchPage = { results: SearchResult[]; total: number; page: number; pageCount: number };

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

const EMPTY: SearchPage = { results: [], total: 0, page: 1, pageCount: 0 };
/** Matches ranked by text; beyond them results would only be older matches (decision 026). */
export const SEARCH_RANKED_LIMIT = 500;

/**
 * Searches the posts of the threads the actor may read; other forms of a Ukrainian word match
 * ("довідку" finds "довідка", "довідки", "е-довідкою"). Each query word becomes its stem (the same
 * stems mark the fragment), and a post matches when every stem is found in its text — or in its
 * thread's title, which brings the thread's opening post and its accepted answer:
 *  - PostgreSQL full text (`simple`: no language's stemmer guesses at Ukrainian) finds words that
 *    begin with each stem (`to_tsquery('simple', 'довід:*')`), through the GIN index on exactly
 *    `to_tsvector('simple', "body")` (and `"title"`);
 *  - pg_trgm finds the stems inside longer words (`"body" ILIKE '%довід%'`), through the trigram GIN
 *    indexes; each is its own arm of a UNION, so neither index's recheck computes the other's test;
 *  - the rank: accepted answers first, then full-text rank, an exact word form, a title match and
 *    its trigram word similarity. Ranking recomputes a post's tsvector, so only the newest
 *    SEARCH_RANKED_LIMIT matches (accepted answers always among them) are ranked; `total` counts all.
 * The spaces come from `communitySpacesWhere`, so a private group's posts never reach a non-member;
 * removed and hidden posts are skipped. Migration 20261201120000_community_search has the indexes.
 */
export async function searchCommunity(
  actor: Actor,
  query: string,
  options: { spaceSlug?: string; kind?: ThreadKind; page?: number; pageSize?: number } = {},
): Promise<SearchPage> {
  const q = query.trim();
  const wanted = [...new Set(stems(q))];
  if (q.length < 2 || wanted.length === 0) return EMPTY;
  const db = getDb();
  const spaces = await db.communitySpace.findMany({
    where: { AND: [communitySpacesWhere(actor), options.spaceSlug ? { slug: options.spaceSlug } : {}] },
    select: { id: true },
  });
  if (spaces.length === 0) return EMPTY;
  const ids = Prisma.join(spaces.map((s) => s.id));
  const kind = options.kind ? Prisma.sql`AND t."kind" = ${options.kind}` : Prisma.empty;
  const pageSize = Math.min(Math.max(1, options.pageSize ?? SEARCH_PAGE_SIZE), 50);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  // Stems hold only letters and digits (see stems()), so they are safe in a tsquery and a LIKE pattern.
  const prefixes = wanted.map((w) => `${w}:*`).join(" & ");
  // A trigram index needs three letters; shorter stems are left to the full-text arm.
  const long = wanted.filter((w) => w.length >= 3);
  const inside = (column: Prisma.Sql) =>
    Prisma.join(
      long.map((w) => Prisma.sql`${column} ILIKE ${`%${w}%`}`),
      " AND ",
    );
  const bodyInside = long.length ? Prisma.sql`UNION SELECT p."id" FROM "Post" p WHERE ${inside(Prisma.sql`p."body"`)}` : Prisma.empty;
  const titleInside = long.length ? Prisma.sql`UNION SELECT t."id" FROM "Thread" t WHERE ${inside(Prisma.sql`t."title"`)}` : Prisma.empty;
  const rows = await db.$queryRaw<
    { threadId: string; postId: string; title: string; kind: string; spaceName: string; accepted: boolean; body: string; total: bigint | number }[]
  >`
    WITH body_hits AS (
      SELECT p."id" FROM "Post" p WHERE to_tsvector('simple', p."body") @@ to_tsquery('simple', ${prefixes})
      ${bodyInside}
    ), title_hits AS (
      SELECT t."id" FROM "Thread" t WHERE to_tsvector('simple', t."title") @@ to_tsquery('simple', ${prefixes})
      ${titleInside}
    ), matched AS (
      SELECT b."id" AS "postId", false AS "byTitle" FROM body_hits b
      UNION ALL
      SELECT x."postId", true AS "byTitle"
        FROM title_hits h
        JOIN "Thread" t ON t."id" = h."id"
        CROSS JOIN LATERAL (
          (SELECT o."id" AS "postId" FROM "Post" o WHERE o."threadId" = t."id" ORDER BY o."createdAt", o."id" LIMIT 1)
          UNION
          SELECT t."acceptedPostId" WHERE t."acceptedPostId" IS NOT NULL
        ) x
    ), candidates AS (
      -- Every readable match, counted; the newest SEARCH_RANKED_LIMIT go on to be ranked (bodies are read only for them).
      SELECT p."id" AS "postId", p."createdAt", t."id" AS "threadId",
             (t."acceptedPostId" IS NOT NULL AND t."acceptedPostId" = p."id") AS "accepted",
             bool_or(m."byTitle") AS "byTitle", count(*) OVER () AS "total"
        FROM matched m
        JOIN "Post" p ON p."id" = m."postId"
        JOIN "Thread" t ON t."id" = p."threadId"
       WHERE p."deletedAt" IS NULL AND p."hiddenAt" IS NULL AND t."spaceId" IN (${ids}) ${kind}
       GROUP BY p."id", t."id"
       ORDER BY "accepted" DESC, p."createdAt" DESC
       LIMIT ${SEARCH_RANKED_LIMIT}
    )
    SELECT c."threadId", c."postId", t."title", t."kind", s."name" AS "spaceName", c."accepted", p."body", c."total"
      FROM candidates c
      JOIN "Post" p ON p."id" = c."postId"
      JOIN "Thread" t ON t."id" = c."threadId"
      JOIN "CommunitySpace" s ON s."id" = t."spaceId"
      CROSS JOIN LATERAL (SELECT to_tsvector('simple', p."body") AS v) d
     ORDER BY c."accepted" DESC,
              ts_rank(d.v, to_tsquery('simple', ${prefixes}))
                + CASE WHEN d.v @@ plainto_tsquery('simple', ${q}) THEN 0.5 ELSE 0 END
                + CASE WHEN c."byTitle" THEN 0.5 + word_similarity(${q}, t."title") ELSE 0 END DESC,
              c."createdAt" DESC, c."postId"
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return {
    results: rows.map((r) => ({
      threadId: r.threadId,
      postId: r.postId,
      title: r.title,
      kind: r.kind as ThreadKind,
      spaceName: r.spaceName,
      isAcceptedAnswer: r.accepted === true,
      fragment: fragmentOf(r.body, q),
    })),
    total,
    page,
    pageCount: Math.ceil(Math.min(total, SEARCH_RANKED_LIMIT) / pageSize),
  };
}
