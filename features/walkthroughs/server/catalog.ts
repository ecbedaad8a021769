import "server-only";
import { compiledIndex, readCompiled } from "@/features/content/compiled";
import type { AppLocale } from "@/server/i18n";
import type { CompiledWalkthrough } from "../compile";
import type { TWalkthroughFrontmatter } from "../schemas";

const cache = new Map<string, CompiledWalkthrough | null>();

export type WalkthroughCard = TWalkthroughFrontmatter & { locale: AppLocale; hasTranslation: boolean; stepCount: number };

/** Each walkthrough in the reader's language when it exists, otherwise in Ukrainian. */
export function listWalkthroughs(locale: AppLocale): WalkthroughCard[] {
  const all = compiledIndex().walkthroughs ?? [];
  return [...new Set(all.map((w) => w.id))].map((id) => {
    const own = all.find((w) => w.id === id && w.locale === locale);
    const chosen = own ?? all.find((w) => w.id === id && w.locale === "uk")!;
    return { ...chosen.frontmatter, locale: chosen.locale, hasTranslation: Boolean(own), stepCount: chosen.steps.length };
  });
}

export function getWalkthrough(id: string, locale: AppLocale): CompiledWalkthrough | null {
  const available = (compiledIndex().walkthroughs ?? []).filter((w) => w.id === id);
  if (!available.length) return null;
  const chosen = available.find((w) => w.locale === locale) ?? available.find((w) => w.locale === "uk")!;
  const key = `${id}.${chosen.locale}`;
  if (!cache.has(key)) cache.set(key, readCompiled<CompiledWalkthrough>("walkthroughs", key));
  return cache.get(key) ?? null;
}

/**
 * The player's screens: the opening, one per step, and the practice check when the guide has one.
 * Translations share step ids, so a position is the same in both languages.
 */
export function walkthroughScreenCount(id: string): number {
  const entry = (compiledIndex().walkthroughs ?? []).find((w) => w.id === id && w.locale === "uk");
  return entry ? 1 + entry.steps.length + (entry.items.length ? 1 : 0) : 0;
}

export function walkthroughStepIds(id: string): string[] {
  return (compiledIndex().walkthroughs ?? []).find((w) => w.id === id && w.locale === "uk")?.steps.map((s) => s.id) ?? [];
}
