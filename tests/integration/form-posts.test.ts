import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { sessionCookieName } from "../../server/auth/session-config";
import { callRoute, currentSessionToken, ORIGIN, signInAs, signOutLocally } from "../helpers/api";
import { testCookieJar } from "../setup/next-request";
import * as locale from "../../app/api/v1/locale/route";
import * as signOut from "../../app/api/v1/session/sign-out/route";
import * as me from "../../app/api/v1/me/route";
import * as openapi from "../../app/api/v1/openapi.json/route";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("unused-in-these-tests") });
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
});

async function savedLocale(email: string): Promise<string> {
  return (await getDb().user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale;
}

describe("header actions as plain HTML forms", () => {
  it("a language form saves the choice and sends the browser back to the page it came from", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const res = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en" }, { referer: `${ORIGIN}/lessons/strong-passwords?track=security` }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/lessons/strong-passwords?track=security");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(testCookieJar().get("NEXT_LOCALE")).toBe("en");
    expect(await savedLocale("learner@demo.skhodynky.org")).toBe("en");

    const back = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "uk", next: "/today" }));
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("/today");
    expect(await savedLocale("learner@demo.skhodynky.org")).toBe("uk");
  });

  it("never redirects off the site: a foreign `next` or Referer falls back to the home page", async () => {
    signOutLocally();
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example"]) {
      const res = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en", next }));
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/");
    }
    const foreignReferer = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en" }, { referer: "https://evil.example/page" }));
    expect(foreignReferer.headers.get("location")).toBe("/");
    const noReferer = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en" }));
    expect(noReferer.headers.get("location")).toBe("/");
  });

  it("keeps the checks: a cross-site form is refused, and a failed form gets a page in the person's language with a way back", async () => {
    await signInAs("curator@demo.skhodynky.org");
    const before = await savedLocale("curator@demo.skhodynky.org");
    const other = before === "en" ? "uk" : "en";
    const crossSite = await callRoute(locale.POST, "/api/v1/locale", form({ locale: other }, { origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("content-type")).toMatch(/^text\/html/);
    const fetchMeta = await callRoute(locale.POST, "/api/v1/locale", form({ locale: other }, { origin: "", "sec-fetch-site": "cross-site" }));
    expect(fetchMeta.status).toBe(403);
    expect(await savedLocale("curator@demo.skhodynky.org")).toBe(before);

    const invalid = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "fr" }, { referer: `${ORIGIN}/profile?tab=1` }));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = String(invalid.json);
    expect(page).toContain(`<html lang="${before}">`);
    expect(page).toContain(before === "en" ? "The action could not be done" : "Не вдалося виконати дію");
    expect(page).toMatch(/<li>[^<]+<\/li>/);
    expect(page).toContain('<a href="/profile?tab=1">');

    // A foreign Referer never becomes the way back, and text from the request is never echoed unescaped.
    const hostile = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "<script>alert(1)</script>" }, { referer: "https://evil.example/x" }));
    expect(hostile.status).toBe(400);
    expect(String(hostile.json)).not.toContain("<script>");
    expect(String(hostile.json)).toContain('<a href="/">');
  });

  it("a sign-out form ends the session on this device and goes to the sign-in page", async () => {
    await signInAs("learner@demo.skhodynky.org");
    expect(currentSessionToken()).toBeDefined();
    const res = await callRoute(signOut.POST, "/api/v1/session/sign-out", form({ next: "/sign-in" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect(testCookieJar().has(sessionCookieName())).toBe(false);
  });

  it("still answers JSON to JSON clients, and only endpoints that declare it take forms", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const json = await callRoute(locale.POST, "/api/v1/locale", { body: { locale: "uk" } });
    expect(json.status).toBe(200);
    expect(json.json).toEqual({ ok: true });
    const profileForm = await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", ...form({ position: "Соціальний менеджер" }) });
    expect(profileForm.status).toBe(415);
    const out = await callRoute(signOut.POST, "/api/v1/session/sign-out");
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ ok: true });
  });

  it("a replayed form post with an Idempotency-Key is redirected like the first", async () => {
    signOutLocally();
    const headers = { "idempotency-key": "form-replay-key-0001" };
    const first = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en", next: "/lessons" }, headers));
    const second = await callRoute(locale.POST, "/api/v1/locale", form({ locale: "en", next: "/lessons" }, headers));
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe("/lessons");
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });

  it("documents the form variant in the OpenAPI document", async () => {
    type Operation = { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> };
    const doc = (await (await openapi.GET()).json()) as { paths: Record<string, Record<string, Operation>> };
    const choose = doc.paths["/api/v1/locale"]!.post!;
    expect(Object.keys(choose.requestBody?.content ?? {})).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(choose.responses["303"]).toBeDefined();
    expect(doc.paths["/api/v1/session/sign-out"]!.post!.requestBody?.content).toHaveProperty(["application/x-www-form-urlencoded"]);
    expect(doc.paths["/api/v1/invitations"]!.post!.responses["303"]).toBeUndefined();
  });
});
