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
