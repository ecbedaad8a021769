import "server-only";
import type { Prisma } from "@/server/db/client";
import { renderPost } from "../render/render-post";
import { postHref } from "./notify-community";

/** How other people's posts name an erased person from now on (stored text is Ukrainian, as the renderer's own words are). */
export const FORMER_MEMBER_IN_POSTS = "колишній учасник";

/** Quotes are looked up this many of the person's posts at a time. */
const QUOTE_BATCH = 100;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `@handle` (or `@<id>`) as the renderer reads it (render-post.ts): not inside an address, and
 * followed by nothing that would make it a longer handle (trailing full stops end the sentence).
 */
function mentionPattern(names: string[]): RegExp {
  const alternatives = names.map(escapeRegExp).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_.%+\\-@/\\\\])@(?:${alternatives})(?=\\.*(?![A-Za-z0-9._-]))`, "giu");
}

/** The HTML the renderer wrote for a mention of a person of this name, exactly as it was stored. */
function mentionHtml(name: string): string {
  const html = renderPost("@someone", { resolveCard: () => null, resolveMention: () => ({ name }) }).html;
  return /<span class="mention">[\s\S]*?<\/span>/.exec(html)?.[0] ?? "";
}

/** The attribution the renderer wrote for a quote of `postId` by a person of this name. */
function quoteCiteHtml(author: string, href: string): string {
  const html = renderPost("> [quote:p]\n> .", {
    resolveCard: () => null,
    resolveMention: () => null,
    resolveQuote: () => ({ author, href }),
    labels: { image: "зображення", quotedFrom: "Цитата з допису" },
  }).html;
  return /<cite>[\s\S]*?<\/cite>/.exec(html)?.[0] ?? "";
}

/**
 * Erasure (decision 051), inside its transaction: other people's posts stop naming the person. A
 * `@handle` or `@<id>` that mentioned them becomes "колишній учасник" in the text (and in the
 * earlier versions of those posts), its rendered "@Name" likewise; a quote of one of their posts
 * keeps its text and its link to the post, attributed to "колишній учасник". Their own posts stay
 * as they are; the pages show their author as a former member.
 */
export async function forgetPersonReferences(tx: Prisma.TransactionClient, person: { id: string; name: string; handle: string }): Promise<number> {
  let changed = 0;
  const names = [...new Set([person.handle, person.id].filter((n) => n.length >= 2).map((n) => n.toLowerCase()))];
  const mention = mentionPattern(names);
  const renderedMention = mentionHtml(person.name);
  const mentionsOf = names.map((n) => ({ body: { contains: `@${n}`, mode: "insensitive" as const } }));

  const mentioning = await tx.post.findMany({ where: { OR: mentionsOf }, select: { id: true, body: true, html: true } });
  for (const post of mentioning) {
    const body = post.body.replace(mention, FORMER_MEMBER_IN_POSTS);
    const html = renderedMention ? post.html.split(renderedMention).join(FORMER_MEMBER_IN_POSTS) : post.html;
    if (body === post.body && html === post.html) continue;
    await tx.post.update({ where: { id: post.id }, data: { body, html } });
    changed += 1;
  }
  const revisions = await tx.postRevision.findMany({ where: { OR: mentionsOf }, select: { id: true, body: true } });
  for (const revision of revisions) {
    const body = revision.body.replace(mention, FORMER_MEMBER_IN_POSTS);
    if (body !== revision.body) await tx.postRevision.update({ where: { id: revision.id }, data: { body } });
  }

  const own = await tx.post.findMany({ where: { authorId: person.id }, select: { id: true, threadId: true } });
  for (let i = 0; i < own.length; i += QUOTE_BATCH) {
    const batch = own.slice(i, i + QUOTE_BATCH);
    const quoting = await tx.post.findMany({
      where: { authorId: { not: person.id }, OR: batch.map((p) => ({ body: { contains: `[quote:${p.id}]` } })) },
      select: { id: true, html: true },
    });
    for (const post of quoting) {
      let html = post.html;
      for (const quoted of batch) {
        const href = postHref(quoted.threadId, quoted.id);
        const cite = quoteCiteHtml(person.name, href);
        if (cite && html.includes(cite)) html = html.split(cite).join(quoteCiteHtml(FORMER_MEMBER_IN_POSTS, href));
      }
      if (html === post.html) continue;
      await tx.post.update({ where: { id: post.id }, data: { html } });
      changed += 1;
    }
  }
  return changed;
}
