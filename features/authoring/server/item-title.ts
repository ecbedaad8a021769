import "server-only";
import { frontmatterTitle } from "../frontmatter-title";

/** An item's title for lists and notifications: a note's field, a lesson's or guide's frontmatter, else its address. */
export function itemTitle(item: { kind: string; slug: string; draftTitle: string; draftText: string; title: string }): string {
  if (item.kind === "note") return item.draftTitle || item.title || item.slug;
  return frontmatterTitle(item.draftText) ?? (item.title || item.slug);
}
