import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "../../proxy";
import { errorResponse } from "../../server/api/handler";
import { clearDatabaseUnavailable, databaseUnavailableFor, noteDatabaseUnavailable, OUTAGE_HOLD_MS } from "../../server/db/outage";
import { ORIGIN } from "../helpers/api";
import { onRequestError } from "../../instrumentation";

/**
 * While this server has just failed to reach the database, pages are answered at once with 503 and
 * Retry-After (decision 053) — the fault run of bench/fault-restart.ts saw pages answer 500 instead.
 * The API answers 503 itself; health, files and writes pass the proxy untouched.
 */
const request = (path: string, init: { method?: string; cookie?: string } = {}) =>
  new NextRequest(new URL(path, ORIGIN), { method: init.method ?? "GET", headers: init.cookie ? { cookie: init.cookie } : {} });

afterEach(() => clearDatabaseUnavailable());

describe("pages during a database outage", () => {
  it("pass through while the database is reachable", async () => {
    expect((await proxy(request("/today"))).status).toBe(200);
  });

  it("answer 503 with Retry-After and a page in the person's language that tries again", async () => {
    noteDatabaseUnavailable();
    const uk = await proxy(request("/today"));
    expect(uk.status).toBe(503);
    expect(Number(uk.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(uk.headers.get("retry-after"))).toBeLessThanOrEqual(OUTAGE_HOLD_MS / 1000);
    const html = await uk.text();
    expect(html).toContain('lang="uk"');
    expect(html).toContain("<h1>«Сходинки» на хвилинку недоступні</h1>");
    expect(html).toMatch(/http-equiv="refresh"/);
    const en = await proxy(request("/lessons", { cookie: "NEXT_LOCALE=en" }));
    expect([en.status, (await en.text()).includes("Skhodynky is briefly unavailable")]).toEqual([503, true]);
  });

  it("leave the API, the health check, static files and writes alone", async () => {
    noteDatabaseUnavailable();
    for (const path of ["/api/v1/health", "/api/v1/me/low-data", "/_next/static/chunks/app.js", "/icons/icon-192.png"]) {
      expect((await proxy(request(path))).status, path).toBe(200);
    }
    expect((await proxy(request("/today", { method: "POST" }))).status).toBe(200);
  });

  it("recover by themselves once the hold is over", async () => {
    noteDatabaseUnavailable(Date.now() - OUTAGE_HOLD_MS - 1);
    expect(databaseUnavailableFor()).toBe(0);
    expect((await proxy(request("/today"))).status).toBe(200);
  });

  it("are held after a page fails to reach the database (Next's onRequestError), and not after other failures", async () => {
    const runtime = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      await onRequestError(new Error("something else broke"));
      expect(databaseUnavailableFor()).toBe(0);
      await onRequestError({ code: "P1001", message: "Can't reach database server" });
      expect(databaseUnavailableFor()).toBeGreaterThan(0);
    } finally {
      process.env.NEXT_RUNTIME = runtime;
    }
  });

  it("are held after the API meets an unreachable database", async () => {
    const answer = errorResponse(Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" }), "uk");
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("10");
    expect(databaseUnavailableFor()).toBeGreaterThan(0);
  });
});
