import "server-only";
import type { AppLocale } from "@/server/i18n";
import { listLessons, listTracks } from "@/features/lessons/server/catalog";
import { listWalkthroughs } from "@/features/walkthroughs/server/catalog";

export type ContentKind = "lesson" | "track" | "walkthrough";

/**
 * Titles of lessons, tracks and guides in the reader's language, for records that keep only ids
 * (assignments, notifications, activity). An id no longer in the content shows as itself.
 */
export function contentTitles(locale: AppLocale): (kind: string, id: string) => string {
  const lessons = new Map(listLessons(locale).map((l) => [l.id, l.title]));
  const guides = new Map(listWalkthroughs(locale).map((w) => [w.id, w.title]));
  const tracks = new Map(listTracks().map((t) => [t.id, t.title[locale]]));
  return (kind, id) => (kind === "walkthrough" ? guides : kind === "track" ? tracks : lessons).get(id) ?? id;
}
