import "server-only";
import { AppError } from "@/server/errors";
import type { AppLocale } from "@/server/i18n";
import type { Catalog } from "@/features/content/server/load-catalog";
import type { ContentRef, MaterialRef } from "../types";
import { isHttpsUrl } from "../schemas";

export type ContentOption = { key: string; kind: ContentRef["kind"]; id: string; title: string };

/**
 * The lessons, guides and methodology notes a workshop can point to, in the reader's language (form checkboxes): those
 * of the organiser's catalog, so a region's own items are offered only to its people.
 */
export function listContentOptions(catalog: Catalog, locale: AppLocale): ContentOption[] {
  return [
    ...catalog.lessons(locale).map((l) => ({ key: `lesson:${l.id}`, kind: "lesson" as const, id: l.id, title: l.title })),
    ...catalog.walkthroughs(locale).map((w) => ({ key: `walkthrough:${w.id}`, kind: "walkthrough" as const, id: w.id, title: w.title })),
    ...catalog.notes().map((n) => ({ key: `note:${n.id}`, kind: "note" as const, id: n.id, title: n.title })),
  ];
}

/** "lesson:<id>" keys to refs, each checked against the organiser's catalog (422 for an unknown one), duplicates dropped. */
export function toContentRefs(catalog: Catalog, keys: readonly string[]): ContentRef[] {
  const known = new Set(listContentOptions(catalog, "uk").map((o) => o.key));
  const refs: ContentRef[] = [];
  for (const key of new Set(keys)) {
    if (!known.has(key)) throw new AppError("unprocessable", "errors.workshopContentUnknown");
    const [kind, id] = key.split(":") as [ContentRef["kind"], string];
    refs.push({ kind, id });
  }
  return refs;
}

/** Lines "https://… optional title" to links; a line that is not an https link is refused (422). */
export function parseLinkLines(lines: string | undefined): MaterialRef[] {
  if (!lines) return [];
  const links: MaterialRef[] = [];
  for (const raw of lines.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const [url = "", ...rest] = line.split(/\s+/);
    if (!isHttpsUrl(url) || url.length > 500) throw new AppError("unprocessable", "errors.workshopLinkInvalid");
    const title = rest.join(" ").slice(0, 200);
    links.push({ kind: "link", url, title: title || new URL(url).hostname });
  }
  return links;
}

/** Stored refs (JSON) read defensively: anything malformed is left out rather than shown. */
export function readRefs(value: unknown): MaterialRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v): MaterialRef[] => {
    if (!v || typeof v !== "object") return [];
    const r = v as Record<string, unknown>;
    if ((r.kind === "lesson" || r.kind === "walkthrough" || r.kind === "note") && typeof r.id === "string") return [{ kind: r.kind, id: r.id }];
    if (r.kind === "link" && typeof r.url === "string" && isHttpsUrl(r.url))
      return [{ kind: "link", url: r.url, title: typeof r.title === "string" ? r.title : r.url }];
    return [];
  });
}

export type ShownRef = { kind: ContentRef["kind"] | "link"; href: string; title: string; external: boolean };

const PAGE = { lesson: "lessons", walkthrough: "walkthroughs", note: "methodology" } as const;

/**
 * Refs as links to show: lessons and guides by their title in the reader's language. The catalog
 * may be "everything": the refs were checked when the organiser chose them.
 */
export function showRefs(catalog: Catalog, refs: readonly MaterialRef[], locale: AppLocale): ShownRef[] {
  const titles = new Map(listContentOptions(catalog, locale).map((o) => [o.key, o.title]));
  return refs.map((r) =>
    r.kind === "link"
      ? { kind: "link", href: r.url, title: r.title, external: true }
      : { kind: r.kind, href: `/${PAGE[r.kind]}/${r.id}`, title: titles.get(`${r.kind}:${r.id}`) ?? r.id, external: false },
  );
}
