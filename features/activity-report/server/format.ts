import type { AppLocale } from "@/server/i18n";

/** A Kyiv calendar day as a person reads it ("30 листопада 2026 р." / "30 November 2026"). */
export function formatDay(day: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A month ("2026-11") as a person reads it ("листопад 2026 р." / "November 2026"). */
export function formatMonth(month: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** Minutes from seconds, whole. */
export const minutes = (seconds: number) => Math.round(seconds / 60);

/** `{name}` placeholders of a message filled in (for exports, which are built outside next-intl). */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}
