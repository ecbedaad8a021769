import "server-only";
import { getDb, type Prisma, type PrismaClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor, CommunitySpaceResource } from "@/server/authz/policy";
import { findPersonalData } from "@/features/privacy/personal-data";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { findMentionedReaders } from "./resolve-mentions";
import { findQuotedPosts } from "./resolve-quotes";
import { MAX_POST_CHARS, PostTooLongError, renderPost, type PostCardRef } from "../render/render-post";

export type PreparedPost = {
  body: string;
  html: string;
  cards: PostCardRef[];
  /** Ids of mentioned people who can read the thread (a mention of anyone else stays text). */
  mentionedUserIds: string[];
  confirmedNoClientData: boolean;
  /** Links to other sites (new accounts may post none; decision 023). */
  links: number;
};

/**
 * Everything a post needs before it is written: refuses empty and oversize bodies, runs the
 * client-data guard (422 `client_data_suspected` with the spans unless the author confirmed), and
 * renders the Markdown once, resolving cards to lessons and guides and mentions to readers of the space.
 * Cards resolve in the writer's catalog: a writer cannot card what they cannot open, and a reader
 * in another region sees the card's title but gets the lesson's 404.
 */
export async function preparePost(
  writer: Actor,
  space: CommunitySpaceResource & { id: string },
  rawBody: string,
  confirmNoClientData: boolean,
  options: { title?: string; db?: PrismaClient | Prisma.TransactionClient } = {},
): Promise<PreparedPost> {
  const db = options.db ?? getDb();
  const body = rawBody.trim();
  if (!body) throw new AppError("validation_failed", "errors.validation", { body: ["errors.postEmpty"] });
  if (body.length > MAX_POST_CHARS) throw new PostTooLongError(body.length);
  const spans = [
    ...(options.title ? findPersonalData(options.title).map((s) => ({ field: "title" as const, ...s })) : []),
    ...findPersonalData(body).map((s) => ({ field: "body" as const, ...s })),
  ];
  if (spans.length > 0 && !confirmNoClientData) {
    throw new AppError("client_data_suspected", "errors.clientDataSuspected", undefined, undefined, {
      spans: spans.map((s) => ({ field: s.field, start: s.start, end: s.end, kind: s.kind })),
    });
  }
  // Mentions by @handle (or a person's id) of readers of the space, quotes of posts in it (decision 025).
  const [mentioned, quoted, catalog] = await Promise.all([findMentionedReaders(db, space, body), findQuotedPosts(db, space.id, body), loadCatalog(writer)]);
  const lessons = new Map(catalog.lessons("uk").map((l) => [l.id, l.title]));
  const guides = new Map(catalog.walkthroughs("uk").map((w) => [w.id, w.title]));
  const rendered = renderPost(body, {
    resolveCard: (kind, id) => {
      const title = (kind === "lesson" ? lessons : guides).get(id);
      return title ? { title, href: kind === "lesson" ? `/lessons/${id}` : `/walkthroughs/${id}` } : null;
    },
    resolveMention: (handle) => {
      const person = mentioned.get(handle);
      return person ? { name: person.name } : null;
    },
    resolveQuote: (postId) => quoted.get(postId) ?? null,
    labels: { image: "зображення", quotedFrom: "Цитата з допису" },
  });
  return {
    body,
    html: rendered.html,
    cards: rendered.cards,
    mentionedUserIds: [...new Set(rendered.mentions.flatMap((h) => mentioned.get(h)?.id ?? []))],
    confirmedNoClientData: spans.length > 0,
    links: rendered.links,
  };
}
