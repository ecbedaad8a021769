import { describe, expect, it } from "vitest";
import uk from "../messages/uk.json";
import en from "../messages/en.json";
import { formatDateTime, resolveRequestLocale, translateError } from "./i18n";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function variablesOf(messages: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, p: string) => {
    if (typeof v === "string")
      out.set(
        p,
        [...v.matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(","),
      );
    else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, p ? `${p}.${k}` : k);
  };
  walk(messages, "");
  return out;
}

describe("message files", () => {
  it("have the same keys in Ukrainian and English", () => {
    expect(keys(en).sort()).toEqual(keys(uk).sort());
  });
  it("use the same {variables} in both languages", () => {
    expect(variablesOf(en)).toEqual(variablesOf(uk));
  });
  it("end no Ukrainian sentence with a full stop after a date, whose «р.» already ends it", () => {
    const endsWithDate = [...variablesOf(uk).keys()].filter((key) => {
      const message = key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], uk);
      return typeof message === "string" && /\{date\}\.$/.test(message);
    });
    expect(endsWithDate).toEqual([]);
    // What the competences page shows: the year's «р.» closes the sentence, once.
    const date = new Intl.DateTimeFormat("uk-UA", { dateStyle: "long", timeZone: "Europe/Kyiv" }).format(new Date("2027-02-26T12:00:00Z"));
    expect(uk.competences.nextDue.replace("{date}", date)).toBe("Наступне самооцінювання — орієнтовно 26 лютого 2027 р.");
  });
});

describe("locale choice", () => {
  it("prefers the saved profile, then the cookie, then Ukrainian", () => {
    expect(resolveRequestLocale("en", "uk")).toBe("en");
    expect(resolveRequestLocale(null, "en")).toBe("en");
    expect(resolveRequestLocale(undefined, "de")).toBe("uk");
  });
  it("translates error keys and passes other text through", () => {
    expect(translateError("en", "errors.tooLarge")).toBe(en.errors.tooLarge);
    expect(translateError("uk", "errors.tooLarge")).toBe(uk.errors.tooLarge);
    expect(translateError("uk", "Too small: expected string")).toBe("Too small: expected string");
  });
  it("formats dates in Kyiv time", () => {
    const midnightUtc = new Date("2026-07-01T21:30:00Z"); // 00:30 on 2 July in Kyiv (UTC+3)
    expect(formatDateTime(midnightUtc, "uk")).toMatch(/2 липня 2026.*00:30/);
    expect(formatDateTime(midnightUtc, "en")).toMatch(/2 July 2026.*00:30/);
  });
});
