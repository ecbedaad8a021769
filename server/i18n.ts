import uk from "../messages/uk.json";
import en from "../messages/en.json";

export const LOCALES = ["uk", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "uk";
export const TIME_ZONE = "Europe/Kyiv";

export const MESSAGES = { uk, en } as const;

export function isLocale(value: unknown): value is AppLocale {
  return value === "uk" || value === "en";
}

/** A signed-in user's saved choice wins; then the language cookie; Ukrainian by default. */
export function resolveRequestLocale(userLocale: string | null | undefined, cookieLocale: string | null | undefined): AppLocale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(cookieLocale)) return cookieLocale;
  return DEFAULT_LOCALE;
}

/** Error messages are keys into the `errors` namespace ("errors.tooLarge"); anything else passes through. */
export function translateError(locale: AppLocale, message: string): string {
  if (!message.startsWith("errors.")) return message;
  const key = message.slice("errors.".length);
  const table = MESSAGES[locale].errors as Record<string, string>;
  return table[key] ?? MESSAGES.uk.errors[key as keyof typeof MESSAGES.uk.errors] ?? message;
}

export function formatDateTime(date: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "uk" ? "uk-UA" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(date);
}
