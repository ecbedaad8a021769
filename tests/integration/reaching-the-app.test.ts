import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { getDb } from "../../server/db/client";
import { resetEnvCacheForTests } from "../../server/env";
import { guardCredentialsSignIn } from "../../server/auth/sign-in-guard";
import { callRoute, signInAs } from "../helpers/api";
import { createPerson, createPlace } from "../factories/people";
import * as profile from "../../app/api/v1/me/route";
import * as locale from "../../app/api/v1/locale/route";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

function configure(vars: Record<string, string>) {
  process.env = { ...saved };
  for (const key of ["APP_URL", "NEXTAUTH_URL", "ALLOWED_ORIGINS"]) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvCacheForTests();
}

/** What a browser at `origin` sends, as `next start` hands it on: URL on "localhost", the real Host. */
function browserAt(origin: string): Record<string, string> {
  const url = new URL(origin);
  return { origin, host: url.host, "x-forwarded-proto": url.protocol.replace(":", "") };
}

function signInPost(origin: string, email: string) {
  return new NextRequest("http://localhost:3201/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...browserAt(origin), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.40" },
    body: new URLSearchParams({ email, password: "whatever", csrfToken: "t", json: "true" }).toString(),
  });
}

async function person() {
  const place = await createPlace(getDb());
  return createPerson(getDb(), { organizationId: place.organizationId, roles: ["LEARNER"] });
}

describe("a fresh start reached at 127.0.0.1 or the machine's address (no APP_URL)", () => {
  it.each(["http://127.0.0.1:3201", "http://localhost:3201", "http://192.168.10.24:3201"])("takes writes at %s", async (origin) => {
    configure({ PORT: "3201" });
    const learner = await person();
    await signInAs(learner.email);
    const res = await callRoute(profile.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "соціальна працівниця" }, headers: browserAt(origin) });
    expect(res.status).toBe(200);
    const form = await callRoute(locale.POST, "/api/v1/locale", {
      rawBody: "locale=en&next=/today",
      headers: { ...browserAt(origin), "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(303);
  });

  it.each(["http://127.0.0.1:3201", "http://192.168.10.24:3201"])("lets a sign-in from %s through to the password check", async (origin) => {
    configure({ PORT: "3201" });
    expect(await guardCredentialsSignIn(signInPost(origin, "someone@example.org"))).toBeNull();
  });

  it("still refuses a post from another site, saying so rather than 'wrong password'", async () => {
    configure({ PORT: "3201" });
    const req = signInPost("https://evil.example", "someone@example.org");
    req.headers.set("host", "127.0.0.1:3201");
    const refused = await guardCredentialsSignIn(req);
    expect(refused?.status).toBe(403);
    const body = (await refused!.json()) as { error: { code: string; message: string; appOrigin: string | null } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toMatch(/іншого сайту або з іншої адреси/);
    expect(body.error.appOrigin).toBeNull();
  });
});

describe("with APP_URL set", () => {
  it("the sign-in guard follows APP_URL too, and the refusal names the address to open", async () => {
    configure({ APP_URL: "https://skhodynky.example.org" });
    expect(await guardCredentialsSignIn(signInPost("https://skhodynky.example.org", "someone@example.org"))).toBeNull();
    const refused = await guardCredentialsSignIn(signInPost("http://127.0.0.1:3000", "someone@example.org"));
    expect(refused?.status).toBe(403);
    expect(((await refused!.json()) as { error: { appOrigin: string } }).error.appOrigin).toBe("https://skhodynky.example.org");
  });

  it("writes come from APP_URL or ALLOWED_ORIGINS only", async () => {
    configure({ APP_URL: "https://skhodynky.example.org", ALLOWED_ORIGINS: "http://10.0.0.2:3000" });
    const learner = await person();
    await signInAs(learner.email);
    const patch = (origin: string) => callRoute(profile.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "фахівчиня" }, headers: browserAt(origin) });
    expect((await patch("https://skhodynky.example.org")).status).toBe(200);
    expect((await patch("http://10.0.0.2:3000")).status).toBe(200);
    const refused = await patch("http://127.0.0.1:3000");
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe("forbidden");
  });
});
