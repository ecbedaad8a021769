import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { getDb } from "../../server/db/client";
import { clientIp } from "../../server/auth/client-ip";
import { guardCredentialsSignIn } from "../../server/auth/sign-in-guard";
import {
  ACCOUNT_THROTTLE_MAX_FAILURES,
  assertPasswordChangeAllowed,
  PASSWORD_CHANGE_MAX_FAILURES,
  THROTTLE_MAX_FAILURES,
  THROTTLE_WINDOW_MS,
  verifySignIn,
} from "../../server/auth/sign-in";
import { callRoute, signInAs } from "../helpers/api";
import { createPerson, createPlace } from "../factories/people";
import * as password from "../../app/api/v1/me/password/route";

async function person() {
  const place = await createPlace(getDb());
  return createPerson(getDb(), { organizationId: place.organizationId, roles: ["LEARNER"] });
}

/** A sign-in post as scripts/serve.mjs hands it on: whatever the client wrote, then its socket address. */
function signInPost(email: string, forwardedFor: string) {
  return new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ email, password: "guess", csrfToken: "t", json: "true" }).toString(),
  });
}

/** One guess as the app takes it: the guard, then next-auth's password check with the same address. */
async function guess(email: string, forwardedFor: string): Promise<Response | null> {
  const req = signInPost(email, forwardedFor);
  const refused = await guardCredentialsSignIn(req);
  if (refused) return refused;
  expect((await verifySignIn(email, "wrong-guess", clientIp(req.headers))).ok).toBe(false);
  return null;
}

describe("the sign-in throttle cannot be dodged by writing X-Forwarded-For", () => {
  it("rotating the client-written hops still counts every guess against the one real address", async () => {
    const { email } = await person();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
      expect(await guess(email, `10.${i}.${i}.1, 203.0.113.10`)).toBeNull();
    }
    const refused = await guess(email, "10.99.99.1, 203.0.113.10");
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same person's real second address is not yet throttled.
    expect(await guess(email, "203.0.113.11")).toBeNull();
  });

  it("30 failures for one account from any addresses answer 429 everywhere, and other accounts are untouched", async () => {
    const { email } = await person();
    const other = await person();
    for (let i = 0; i < ACCOUNT_THROTTLE_MAX_FAILURES; i++) {
      // Each address stays under its own limit of 10: only the per-account limit can stop this.
      expect(await guess(email, `198.51.100.${i}`)).toBeNull();
    }
    const refused = await guess(email, "198.51.100.200");
    expect(refused?.status).toBe(429);
    const body = (await refused!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Забагато невдалих спроб входу/);
    expect(await guess(other.email, "198.51.100.200")).toBeNull();
  });
});

describe("changing the password checks the current one under a throttle", () => {
  it("answers 429 after 10 wrong current passwords in 15 minutes, even for the right one", async () => {
    const learner = await person();
    const other = await person();
    await signInAs(learner.email);
    const change = (currentPassword: string) =>
      callRoute(password.POST, "/api/v1/me/password", { body: { currentPassword, newPassword: "нова-довга-фраза-2026" } });
    for (let i = 0; i < PASSWORD_CHANGE_MAX_FAILURES; i++) {
      const wrong = await change(`wrong-${i}`);
      expect(wrong.status).toBe(400);
      expect(wrong.json.error?.fields?.currentPassword).toBeDefined();
    }
    const refused = await change(learner.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json.error?.message).toMatch(/неправильним поточним паролем/);
    const unchanged = await getDb().user.findUniqueOrThrow({ where: { id: learner.id }, select: { sessionVersion: true } });
    expect(unchanged.sessionVersion).toBe(1);

    // The limit is the account's own: sign-in and other accounts are not affected, and it passes.
    expect(await guess(learner.email, "203.0.113.60")).toBeNull();
    await expect(assertPasswordChangeAllowed(other.id)).resolves.toBeUndefined();
    await expect(assertPasswordChangeAllowed(learner.id, new Date(Date.now() + THROTTLE_WINDOW_MS + 1000))).resolves.toBeUndefined();
  });

  it("cannot be filled up from the sign-in form by typing the account's key as an e-mail", async () => {
    const learner = await person();
    for (const typed of [`PASSWORD-CHANGE:${learner.id}`, `password-change:${learner.id}`]) {
      for (let i = 0; i < PASSWORD_CHANGE_MAX_FAILURES; i++) await guess(typed, `203.0.113.${70 + i}`);
    }
    await expect(assertPasswordChangeAllowed(learner.id)).resolves.toBeUndefined();
  });

  it("a right current password within the limit still changes it", async () => {
    const learner = await person();
    await signInAs(learner.email);
    const change = (currentPassword: string) =>
      callRoute(password.POST, "/api/v1/me/password", { body: { currentPassword, newPassword: "інша-довга-фраза-2026" } });
    expect((await change("wrong-once")).status).toBe(400);
    expect((await change(learner.password)).status).toBe(200);
    expect((await verifySignIn(learner.email, "інша-довга-фраза-2026", "203.0.113.61")).ok).toBe(true);
  });
});
