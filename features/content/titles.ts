import "server-only";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog, type CatalogAudience } from "./server/load-catalog";

export type ContentKind = "lesson" | "track" | "walkthrough";
export type TitleOf = (kind: string, id: string) => string;

/**
 * Titles of lessons, tracks and guides in the reader's language, for records that keep only ids
 * (assignments, notifications, activity), from the audience's catalog. Records name only what their
 * owner was given or took, so `"everything"` is right for them; an id no longer in the content
 * shows as itself.
 */
export async function contentTitles(audience: CatalogAudience, locale: AppLocale): Promise<TitleOf> {
  return (await loadCatalog(audience)).titles(locale);
}
