import type { AppLocale } from "@/server/i18n";

/**
 * Orders items by their title as the reader's alphabet does (Ukrainian: А Б В Г Ґ Д Е Є Ж З И І Ї Й …),
 * not by code points, which put Є, І and Ї before А; quotes and other punctuation do not count
 * («Вам нараховано…» stands under В); the id breaks ties, so the order is stable.
 */
export function byTitle(locale: AppLocale): (a: { title: string; value: string }, b: { title: string; value: string }) => number {
  const collator = new Intl.Collator(locale === "en" ? "en" : "uk", { sensitivity: "base", numeric: true, ignorePunctuation: true });
  return (a, b) => collator.compare(a.title, b.title) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
