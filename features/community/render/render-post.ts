/**
 * Forum posts: Markdown in, safe HTML out, rendered on the server and shown with
 * dangerouslySetInnerHTML, so the output must be safe by construction. Two independent passes:
 * markdown-it builds the HTML from tokens (raw HTML in a post is never parsed, only shown as
 * text), then sanitize-html keeps only an explicit allowlist. Rules (decision 021):
 *
 * - Markdown: paragraphs, emphasis, strikethrough, lists, blockquotes, code, tables, rules;
 *   a single newline is a line break (people write posts, not documents). Headings are shifted
 *   down two levels and capped (# → h3, ## → h4, ### and deeper → h5) so a post never competes
 *   with the page's own headings. Code blocks carry no language class.
 * - Links: http, https and mailto, and paths of this app ("/…", never "//…"); see post-urls.ts.
 *   Any other URL (javascript:, data:, vbscript:, file:, "//host", relative) leaves the Markdown
 *   as plain text. Links off this app get rel="nofollow noopener ugc" and count in `links`
 *   (links within the app, cards and mentions do not); no link opens a new tab.
 * - Images: only from this app (a "/…" path or `appOrigin`), with loading="lazy" and their alt
 *   text; any other image becomes the text "[image: alt]".
 * - `[[lesson:<id>]]` and `[[guide:<id>]]` become a card link titled by `resolveCard`; unknown ids
 *   stay as written. Resolved cards are returned for "Discussed in the community".
 * - `@handle` (2–40 of a–z, 0–9, ".", "_", "-"; matched case-insensitively, reported in lower
 *   case; a trailing full stop ends the sentence, not the handle) becomes a mention when
 *   `resolveMention` knows it — not inside code or links, not inside an e-mail address.
 *   Resolved handles are returned for notifications.
 * - Quotes: a blockquote whose first line is exactly `[quote:<postId>]` is a quotation of that
 *   post; when `resolveQuote` knows the post the marker line becomes "Quoted from <author>"
 *   (linked to the post), otherwise it stays as written. Other blockquotes render as usual.
 * - Length: over MAX_POST_CHARS (UTF-16 code units, as zod's max() counts) is refused with
 *   PostTooLongError before any parsing.
 */
import "server-only";
import MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { AppError } from "@/server/errors";
import { classifyPostUrl } from "./post-urls";
import { EXTERNAL_LINK_REL, sanitizePostHtml } from "./sanitize-post-html";

export const MAX_POST_CHARS = 20_000;

export type PostCardKind = "lesson" | "guide";
export type PostCardRef = { kind: PostCardKind; id: string };

export type RenderPostContext = {
  /** This app's origin (e.g. "https://skhodynky.org"): absolute URLs on it count as the app's own. */
  appOrigin?: string;
  resolveCard: (kind: PostCardKind, id: string) => { title: string; href: string } | null;
  resolveMention: (handle: string) => { name: string; href?: string } | null;
  /** The quoted post's author and its link; without it quote markers stay as written. */
  resolveQuote?: (postId: string) => { author: string; href: string } | null;
  /** Words the renderer writes itself, in the reader's language (English by default). */
  labels?: { image?: string; quotedFrom?: string };
};

export type RenderedPost = {
  html: string;
  /** Resolved @handles, first mention first, each once. */
  mentions: string[];
  /** Resolved lesson and guide cards, each once. */
  cards: PostCardRef[];
  /** Post ids quoted through resolved quote markers. */
  quotes: string[];
  /** Links to other sites (http, https, mailto), for the new-account link limit. */
  links: number;
};

export class PostTooLongError extends AppError {
  constructor(readonly length: number) {
    super("validation_failed", "errors.postTooLong", { body: ["errors.postTooLong"] });
    this.name = "PostTooLongError";
  }
}

type RenderEnv = {
  ctx: RenderPostContext;
  image: string;
  quotedFrom: string;
  mentions: Set<string>;
  cards: Map<string, PostCardRef>;
  quotes: Set<string>;
  links: number;
};

const CARD_OR_MENTION = /\[\[(lesson|guide):([a-z0-9]+(?:-[a-z0-9]+)*)\]\]|(?<![\p{L}\p{N}\p{M}_.%+\-@/\\])@([A-Za-z0-9._-]{2,40})(?![A-Za-z0-9._-])/gu;
/** A character that, right before "@", makes it part of an address rather than a mention. */
const ADDRESS_CHARACTER = /[\p{L}\p{N}\p{M}_.%+\-@/\\]$/u;
const QUOTE_MARKER = /^\[quote:([A-Za-z0-9_-]{1,64})\]$/;
const HEADING_TAGS: Record<string, string> = { h1: "h3", h2: "h4" };

const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
// markdown-it's own check blocks a few schemes; ours allows only a few (links and images alike).
md.validateLink = (url) => classifyPostUrl(url) !== null;
// After linkify (links exist) and before text_join (escaped "\[\[" and "\@" stay separate, so they stay text).
md.core.ruler.after("linkify", "community_post", rewritePostTokens);

export function renderPost(markdown: string, ctx: RenderPostContext): RenderedPost {
  if (markdown.length > MAX_POST_CHARS) throw new PostTooLongError(markdown.length);
  const env: RenderEnv = {
    ctx,
    image: ctx.labels?.image ?? "image",
    quotedFrom: ctx.labels?.quotedFrom ?? "Quoted from",
    mentions: new Set(),
    cards: new Map(),
    quotes: new Set(),
    links: 0,
  };
  const html = sanitizePostHtml(md.render(markdown, env), ctx.appOrigin);
  return { html, mentions: [...env.mentions], cards: [...env.cards.values()], quotes: [...env.quotes], links: env.links };
}

function rewritePostTokens(state: StateCore): void {
  const env = state.env as RenderEnv;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = HEADING_TAGS[token.tag] ?? "h5";
    else if (token.type === "fence") token.info = "";
    // Column alignment comes as a style attribute, and posts carry no styles.
    else if (token.type === "th_open" || token.type === "td_open") token.attrs = null;
    else if (token.type === "blockquote_open") attachQuoteSource(state, i, env);
    else if (token.type === "inline" && token.children) token.children = rewriteInline(state, token.children, env);
  }
}

function rewriteInline(state: StateCore, children: Token[], env: RenderEnv): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === "link_open") {
      linkDepth += 1;
      decorateLink(token, env);
      out.push(token);
    } else if (token.type === "link_close") {
      linkDepth -= 1;
      out.push(token);
    } else if (token.type === "image") {
      out.push(keepAppImage(state, token, env));
    } else if (token.type === "text" && linkDepth === 0) {
      const previous = out.at(-1);
      const before = previous?.type === "text" || previous?.type === "text_special" ? previous.content : "";
      out.push(...expandCardsAndMentions(state, token, before, env));
    } else {
      out.push(token);
    }
  }
  return out;
}

function decorateLink(token: Token, env: RenderEnv): void {
  const kind = classifyPostUrl(String(token.attrGet("href") ?? ""), env.ctx.appOrigin);
  if (kind !== "external") return;
  token.attrSet("rel", EXTERNAL_LINK_REL);
  env.links += 1;
}

function keepAppImage(state: StateCore, token: Token, env: RenderEnv): Token {
  if (classifyPostUrl(String(token.attrGet("src") ?? ""), env.ctx.appOrigin) === "app") {
    token.attrSet("loading", "lazy");
    return token;
  }
  const alt = plainText(token.children ?? []).trim();
  return textToken(state, alt ? `[${env.image}: ${alt}]` : `[${env.image}]`);
}

function expandCardsAndMentions(state: StateCore, token: Token, before: string, env: RenderEnv): Token[] {
  const text = token.content;
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(CARD_OR_MENTION)) {
    const [whole, kind, id, rawHandle] = match;
    const at = match.index;
    let html: string | null = null;
    let consumed = whole.length;
    if (kind === "lesson" || kind === "guide") {
      html = id === undefined ? null : cardHtml(kind, id, env);
    } else if (rawHandle !== undefined && !(at === 0 && ADDRESS_CHARACTER.test(before))) {
      const handle = rawHandle.replace(/\.+$/, "");
      consumed = 1 + handle.length;
      html = handle.length >= 2 ? mentionHtml(handle.toLowerCase(), env) : null;
    }
    if (html === null) continue;
    if (at > last) out.push(textToken(state, text.slice(last, at)));
    out.push(htmlToken(state, html));
    last = at + consumed;
  }
  if (last === 0) return [token];
  if (last < text.length) out.push(textToken(state, text.slice(last)));
  return out;
}

function cardHtml(kind: PostCardKind, id: string, env: RenderEnv): string | null {
  const card = env.ctx.resolveCard(kind, id);
  if (!card || classifyPostUrl(card.href, env.ctx.appOrigin) !== "app") return null;
  env.cards.set(`${kind}:${id}`, { kind, id });
  return `<a class="content-card" href="${escape(card.href)}">${escape(card.title)}</a>`;
}

function mentionHtml(handle: string, env: RenderEnv): string | null {
  const person = env.ctx.resolveMention(handle);
  if (!person) return null;
  env.mentions.add(handle);
  const label = `@${escape(person.name)}`;
  return person.href !== undefined && classifyPostUrl(person.href, env.ctx.appOrigin) === "app"
    ? `<a class="mention" href="${escape(person.href)}">${label}</a>`
    : `<span class="mention">${label}</span>`;
}

/** A blockquote opening with a line `[quote:<postId>]` names the post it quotes. */
function attachQuoteSource(state: StateCore, index: number, env: RenderEnv): void {
  const tokens = state.tokens;
  const inline = tokens[index + 2];
  if (tokens[index + 1]?.type !== "paragraph_open" || inline?.type !== "inline" || !inline.children) return;
  const [first, next] = inline.children;
  const postId = first?.type === "text" ? QUOTE_MARKER.exec(first.content)?.[1] : undefined;
  if (postId === undefined || (next && next.type !== "softbreak" && next.type !== "hardbreak")) return;
  const source = env.ctx.resolveQuote?.(postId);
  if (!source) return;
  env.quotes.add(postId);
  inline.children.splice(0, next ? 2 : 1);
  if (inline.children.length === 0) tokens.splice(index + 1, 3);
  tokens[index]?.attrSet("class", "quote");
  const author =
    classifyPostUrl(source.href, env.ctx.appOrigin) === "app" ? `<a href="${escape(source.href)}">${escape(source.author)}</a>` : escape(source.author);
  const attribution = new state.Token("html_block", "", 0);
  attribution.content = `<p class="quote-source">${escape(env.quotedFrom)} <cite>${author}</cite></p>\n`;
  tokens.splice(index + 1, 0, attribution);
}

function plainText(tokens: Token[]): string {
  return tokens.map((t) => (t.children ? plainText(t.children) : t.type === "softbreak" || t.type === "hardbreak" ? " " : t.content)).join("");
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

function htmlToken(state: StateCore, content: string): Token {
  const token = new state.Token("html_inline", "", 0);
  token.content = content;
  return token;
}

const escape = (value: string) => md.utils.escapeHtml(value);
