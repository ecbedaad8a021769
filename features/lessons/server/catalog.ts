import "server-only";
import type { CompiledItem, CompiledLesson } from "../compile";
import type { TLessonFrontmatter, TTrack } from "../schemas";
import { compiledIndex as getIndex, readCompiled } from "@/features/content/compiled";
import type { AppLocale } from "@/server/i18n";

const lessons = new Map<string, CompiledLesson | null>();

export type LessonCard = TLessonFrontmatter & { locale: AppLocale; hasTranslation: boolean };

/** Each lesson in the reader's language when it exists, otherwise in Ukrainian. */
export function listLessons(locale: AppLocale): LessonCard[] {
  const all = getIndex().lessons;
  const ids = [...new Set(all.map((l) => l.id))];
  return ids.map((id) => {
    const own = all.find((l) => l.id === id && l.locale === locale);
    const fallback = all.find((l) => l.id === id && l.locale === "uk")!;
    const chosen = own ?? fallback;
    return { ...chosen.frontmatter, locale: chosen.locale, hasTranslation: Boolean(own) };
  });
}

export function listTracks(): TTrack[] {
  return getIndex().tracks;
}

export function getLesson(id: string, locale: AppLocale): CompiledLesson | null {
  const available = getIndex().lessons.filter((l) => l.id === id);
  if (!available.length) return null;
  const chosen = available.find((l) => l.locale === locale) ?? available.find((l) => l.locale === "uk")!;
  const key = `${id}.${chosen.locale}`;
  if (!lessons.has(key)) lessons.set(key, readCompiled<CompiledLesson>("lessons", key));
  return lessons.get(key) ?? null;
}

/** Search, filter by competence, level and duration. */
export function findLessons(locale: AppLocale, filter: { q?: string; competence?: string; level?: number; maxMinutes?: number }): LessonCard[] {
  const words = (filter.q ?? "")
    .toLocaleLowerCase(locale === "uk" ? "uk-UA" : "en-GB")
    .split(/\s+/)
    .filter(Boolean);
  return listLessons(locale).filter((l) => {
    if (filter.competence && !l.competences.includes(filter.competence)) return false;
    if (filter.level && l.level !== filter.level) return false;
    if (filter.maxMinutes && l.minutes > filter.maxMinutes) return false;
    const haystack = `${l.title} ${l.summary} ${l.tags.join(" ")}`.toLocaleLowerCase(locale === "uk" ? "uk-UA" : "en-GB");
    return words.every((w) => haystack.includes(w));
  });
}

/** How many screens the lesson's longest language version has (positions are shared between them). */
export function lessonStepCount(id: string): number {
  return Math.max(
    0,
    ...getIndex()
      .lessons.filter((l) => l.id === id)
      .map((l) => l.steps),
  );
}

/** A quiz-like item of a lesson for review, in the reader's language when that version has it. */
export function getLessonItem(lessonId: string, itemId: string, locale: AppLocale): { lesson: CompiledLesson; item: CompiledItem } | null {
  for (const candidate of [locale, "uk"] as const) {
    const lesson = getLesson(lessonId, candidate);
    const item = lesson?.items.find((i) => i.id === itemId);
    if (lesson && item) return { lesson, item };
  }
  return null;
}

/** Whether the lesson exists and, when an item is named, has that quiz-like item. */
export function lessonExists(lessonId: string, itemId?: string): boolean {
  return getIndex().lessons.some((l) => l.id === lessonId && (itemId === undefined || l.items.some((i) => i.id === itemId)));
}
