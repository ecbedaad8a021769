import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors";
import { readFileSync } from "node:fs";
import { loadForPage } from "./page-access";

/** Next marks its interrupts with a digest: "NEXT_HTTP_ERROR_FALLBACK;404" renders not-found.tsx, ";403" forbidden.tsx. */
const digestOf = async (read: Promise<unknown>) => {
  try {
    await loadForPage(read);
  } catch (error) {
    return (error as { digest?: string }).digest ?? error;
  }
  return "resolved";
};

describe("a page's feature read", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("turns the feature's 404 into the not-found page and its 403 into the forbidden page", async () => {
    // next build sets this from experimental.authInterrupts; here the config is checked below.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    expect(await digestOf(Promise.reject(new AppError("not_found", "errors.userNotFound")))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(Promise.reject(new AppError("forbidden", "errors.forbidden")))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await loadForPage(Promise.resolve({ ok: 1 }))).toEqual({ ok: 1 });
    const broken = new Error("database down");
    expect(await digestOf(Promise.reject(broken))).toBe(broken);
  });

  it("can render a real 403: forbidden() is enabled in next.config.mjs", async () => {
    const { default: config } = (await import(new URL("../../next.config.mjs", import.meta.url).href)) as {
      default: { experimental?: { authInterrupts?: boolean } };
    };
    expect(config.experimental?.authInterrupts).toBe(true);
    expect(readFileSync(new URL("../forbidden.tsx", import.meta.url), "utf8")).toContain('getTranslations("forbidden")');
  });
});
