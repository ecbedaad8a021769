import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { getDb } from "../../server/db/client";
import { getAuthSecret } from "../../server/env";
import { getAuthOptions } from "../../server/auth/options";
import { resolveSession } from "../../server/auth/current-user";
import { sessionCookieName, SESSION_REFRESH_AFTER_SECONDS } from "../../server/auth/session-config";
import { SESSION_TOUCH_AFTER_MS } from "../../server/auth/user-sessions";
import { createDemoWorld, DEMO_PASSWORD } from "../factories/demo-world";
import { callRoute, currentSessionToken, ORIGIN, signInAs } from "../helpers/api";
import { testCookieJar, setTestRequestHeaders } from "../setup/next-request";
import { proxy } from "../../proxy";
import * as signOut from "../../app/api/v1/session/sign-out/route";
import * as signOutEverywhere from "../../app/api/v1/me/sign-out-everywhere/route";
import * as password from "../../app/api/v1/me/password/route";
import * as me from "../../app/api/v1/me/route";

beforeAll(async () => {
  await createDemoWorld(getDb());
});

let nextLearner = 0;
async function freshLearner(): Promise<{ id: string; email: string; sessionVersion: number }> {
  const learners = await getDb().user.findMany({
    where: { roles: { every: { role: "LEARNER" } } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, sessionVersion: true },
  });
  return learners[nextLearner++]!;
}

/** Signs in the way next-auth does: the jwt callback runs with the authorised user and makes the token. */
async function signInThroughCallback(user: { id: string; sessionVersion: number }, userAgent = "Mozilla/5.0 (X11; Linux) Chromium"): Promise<string> {
  setTestRequestHeaders(new Headers({ "user-agent": userAgent }));
  const jwt = getAuthOptions().callbacks!.jwt!;
  const claims = await jwt({ token: {}, user: { id: user.id, sv: user.sessionVersion } as never, account: null, trigger: "signIn" });
  const token = await encode({ token: claims, secret: getAuthSecret() });
  testCookieJar().clear();
  testCookieJar().set(sessionCookieName(), token);
  return token;
}

const patchName = (name: string) => callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body: { name } });

describe("signing out ends the session on the server", () => {
  it("sign-in records a session; after sign-out a copy of the old cookie gets 401 and resolves to nobody", async () => {
    const user = await freshLearner();
    const token = await signInThroughCallback(user);
    const claims = (await decode({ token, secret: getAuthSecret() }))!;
    expect(typeof claims.sid).toBe("string");
    const row = await getDb().userSession.findUniqueOrThrow({ where: { id: claims.sid as string } });
    expect(row).toMatchObject({ userId: user.id, revokedAt: null, userAgent: "Mozilla/5.0 (X11; Linux) Chromium" });
    expect((await patchName("Перевірка Сесії")).status).toBe(200);
    expect(await resolveSession(token)).not.toBeNull();

    const out = await callRoute(signOut.POST, "/api/v1/session/sign-out");
    expect(out.status).toBe(200);
    expect(currentSessionToken()).toBeUndefined();
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: claims.sid as string } })).revokedAt).not.toBeNull();

    // The attacker's copy of the cookie.
    testCookieJar().set(sessionCookieName(), token);
    const reused = await patchName("Чужа Зміна");
    expect(reused.status).toBe(401);
    expect(await resolveSession(token)).toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Перевірка Сесії");
  });

  it("signing out on one device leaves the other devices signed in", async () => {
    const user = await freshLearner();
    const laptop = await signInThroughCallback(user, "laptop");
    const phone = await signInThroughCallback(user, "phone");
    expect(await getDb().userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(2);
    expect((await callRoute(signOut.POST, "/api/v1/session/sign-out")).status).toBe(200);
    expect(await resolveSession(phone)).toBeNull();
    expect(await resolveSession(laptop)).not.toBeNull();
  });

  it("a form post signs out the same way and sends the browser home", async () => {
    const user = await freshLearner();
    const token = await signInThroughCallback(user);
    const res = await callRoute(signOut.POST, "/api/v1/session/sign-out", {
      rawBody: "next=%2F",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    expect(await resolveSession(token)).toBeNull();
  });

  it("a token issued before server-side sessions (no sid) is signed out", async () => {
    const user = await freshLearner();
    const legacy = await encode({ token: { uid: user.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }, secret: getAuthSecret() });
    expect(await resolveSession(legacy)).toBeNull();
    testCookieJar().clear();
    testCookieJar().set(sessionCookieName(), legacy);
    expect((await patchName("Стара Сесія")).status).toBe(401);
  });

  it("a session id that belongs to another user does not sign anyone in", async () => {
    const victim = await freshLearner();
    const other = await freshLearner();
    const victimToken = await signInThroughCallback(victim);
    const { sid } = (await decode({ token: victimToken, secret: getAuthSecret() }))!;
    const forged = await encode({ token: { uid: other.id, sv: other.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid }, secret: getAuthSecret() });
    expect(await resolveSession(forged)).toBeNull();
  });

  it("sign out everywhere and a password change still end the other sessions", async () => {
    const user = await freshLearner();
    const phone = await signInThroughCallback(user, "phone");
    const laptop = await signInThroughCallback(user, "laptop");
    const changed = await callRoute(password.POST, "/api/v1/me/password", { body: { currentPassword: DEMO_PASSWORD, newPassword: "нова-фраза-сесії-1" } });
    expect(changed.status).toBe(200);
    expect(await resolveSession(phone)).toBeNull();
    const continued = currentSessionToken()!;
    expect(continued).not.toBe(laptop);
    expect(await resolveSession(continued)).not.toBeNull();
    // The device keeps its server-side session across the password change.
    expect((await decode({ token: continued, secret: getAuthSecret() }))!.sid).toBe((await decode({ token: laptop, secret: getAuthSecret() }))!.sid);

    expect((await callRoute(signOutEverywhere.POST, "/api/v1/me/sign-out-everywhere")).status).toBe(200);
    expect(await resolveSession(continued)).toBeNull();
  });
});

describe("lastSeenAt", () => {
  it("moves at most every 15 minutes, not on every request", async () => {
    const user = await freshLearner();
    await signInAs(user.email);
    const sid = (await decode({ token: currentSessionToken()!, secret: getAuthSecret() }))!.sid as string;
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    await getDb().userSession.update({ where: { id: sid }, data: { lastSeenAt: longAgo } });

    expect(await resolveSession(currentSessionToken()!)).not.toBeNull();
    const touched = (await getDb().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(longAgo.getTime());

    // Within the next 15 minutes further requests write nothing.
    for (const minutes of [1, 5, 14]) {
      expect(await resolveSession(currentSessionToken()!, touched.getTime() + minutes * 60_000)).not.toBeNull();
      expect((await getDb().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(touched);
    }
    const later = touched.getTime() + SESSION_TOUCH_AFTER_MS + 60_000;
    expect(await resolveSession(currentSessionToken()!, later)).not.toBeNull();
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(later);
  });
});

describe("the proxy's sliding cookie", () => {
  /** What the proxy answers a request made 16 minutes after the token was issued. */
  async function slideLater(token: string) {
    const req = new NextRequest(new URL("/today", ORIGIN), { headers: { cookie: `${sessionCookieName()}=${token}` } });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_REFRESH_AFTER_SECONDS + 60) * 1000);
      const res = await proxy(req);
      return res.cookies.get(sessionCookieName())?.value;
    } finally {
      vi.useRealTimers();
    }
  }

  it("re-issues a session token with its sid, so revocation still applies to the new cookie", async () => {
    const user = await freshLearner();
    const token = await signInThroughCallback(user);
    const slid = await slideLater(token);
    expect(slid).toBeTruthy();
    expect((await decode({ token: slid!, secret: getAuthSecret() }))!.sid).toBe((await decode({ token, secret: getAuthSecret() }))!.sid);

    await callRoute(signOut.POST, "/api/v1/session/sign-out");
    expect(await resolveSession(slid!)).toBeNull();
  });

  it("does not slide a token without a sid", async () => {
    const user = await freshLearner();
    const legacy = await encode({ token: { uid: user.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }, secret: getAuthSecret() });
    expect(await slideLater(legacy)).toBeUndefined();
  });
});
