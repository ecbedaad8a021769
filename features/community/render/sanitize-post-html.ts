/**
 * The second, independent pass over a rendered post (defence in depth): whatever the Markdown
 * pass produced, only these tags, attributes and classes reach the page. It shares the URL rule
 * with the Markdown pass, so a link or image that slipped past one is still caught by the other.
 */
import "server-only";
import sanitizeHtml from "sanitize-html";
import { classifyPostUrl } from "./post-urls";

export const EXTERNAL_LINK_REL = "nofollow noopener ugc";

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h3",
  "h4",
  "h5",
  "strong",
  "em",
  "s",
  "code",
  "pre",
  "blockquote",
  "cite",
  "ul",
  "ol",
  "li",
  "a",
  "img",
  "span",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

/** The only classes a post may carry: the ones the renderer itself sets. */
const ALLOWED_CLASSES: Record<string, string[]> = {
  a: ["content-card", "mention"],
  span: ["mention"],
  blockquote: ["quote"],
  p: ["quote-source"],
};

export function sanitizePostHtml(html: string, appOrigin?: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel", "class"],
      img: ["src", "alt", "title", "loading"],
      span: ["class"],
      blockquote: ["class"],
      p: ["class"],
      ol: ["start"],
    },
    allowedClasses: ALLOWED_CLASSES,
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    parseStyleAttributes: false,
    // An unexpected tag is shown as text rather than dropped: nothing the author wrote vanishes.
    disallowedTagsMode: "escape",
    enforceHtmlBoundary: false,
    transformTags: {
      a: (tagName, attribs) => {
        const { href, rel: _rel, ...rest } = attribs;
        const kind = href === undefined ? null : classifyPostUrl(href, appOrigin);
        if (kind === null || href === undefined) return { tagName, attribs: rest };
        return { tagName, attribs: kind === "external" ? { ...rest, href, rel: EXTERNAL_LINK_REL } : { ...rest, href } };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? "", loading: "lazy" } }),
    },
    // Images only from this app; the Markdown pass has already turned others into text.
    exclusiveFilter: (frame) => frame.tag === "img" && classifyPostUrl(frame.attribs.src ?? "", appOrigin) !== "app",
  });
}
