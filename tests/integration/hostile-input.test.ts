import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { getDb } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { getAuthOptions } from "../../server/auth/options";
import { AppError } from "../../server/errors";
import { unsubscribe, unsubscribeToken } from "../../features/notifications/server/digests";
import { createDemoWorld } from "../factories/demo-world";
import { callRoute, ORIGIN, signInAs, signOutLocally, type CallOptions } from "../helpers/api";
import { NON_ASCII_TOKEN, ROUTES } from "../helpers/hostile-input";
import { guardCredentialsSignIn } from "../../server/auth/sign-in-guard";

/**
 * The probes that once answered 500, link tokens and odd credentials. Every route with every
 * hostile input, signed out and as each role, is tests/integration/hostile-input-*.test.ts.
 */

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

describe("the route discovery of the hostile-input tests", () => {
  it("finds every route handler under app/api/v1, and a spec for each one but health and the OpenAPI document", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(43);
    const withoutSpec = ROUTES.filter((r) => !r.spec).map((r) => r.path);
    expect(withoutSpec.sort()).toEqual(["/api/v1/health", "/api/v1/openapi.json"]);
  });
});

describe("the probes that used to answer 500", () => {
  const route = (method: string, path: string) => {
    const found = ROUTES.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return found.handler;
  };

  it("are refused as bad input, before the database sees them", async () => {
    await signInAs("curator@demo.skhodynky.org");
    const probes: [string, string, CallOptions][] = [
      ["PATCH", "/api/v1/me", { body: { position: "соцпрацівник\u0000" } }],
      ["PATCH", "/api/v1/me", { body: { name: "Олена\u0000" } }],
      ["DELETE", "/api/v1/assignments/{id}", { params: { id: "\u0000" } }],
      ["DELETE", "/api/v1/assignments/{id}", { params: { id: "%00" } }],
      ["POST", "/api/v1/notifications/read", { body: { ids: ["\u0000"] } }],
      ["POST", "/api/v1/curator-requests/{id}/decision", { params: { id: "ї\u0000" }, body: { accept: true } }],
      ["POST", "/api/v1/walkthroughs/{id}/reports", { params: { id: "helsi-declaration" }, body: { stepId: "\u0000", kind: "stuck" } }],
      ["POST", "/api/v1/feedback", { body: { curatorId: "\u0000", menteeId: "x", body: "Привіт" } }],
      ["POST", "/api/v1/mentorships", { body: { curatorEmail: "\u0000@x.org", menteeEmail: "a@x.org" } }],
    ];
    for (const [method, path, options] of probes) {
      const res = await callRoute(route(method, path), path, { method, ...options });
      expect(res.status, `${method} ${path} ${JSON.stringify(options)}`).toBe(400);
      expect(res.json.error?.code).toBe("validation_failed");
    }
    await signInAs("admin@demo.skhodynky.org");
    const report = await callRoute(route("GET", "/api/v1/reports/export"), "/api/v1/reports/export?scope=region&id=%00&format=csv", { method: "GET" });
    expect(report.status).toBe(400);
    signOutLocally();
    const token = await callRoute(route("POST", "/api/v1/digests/unsubscribe"), "/api/v1/digests/unsubscribe", { body: { token: NON_ASCII_TOKEN } });
    expect(token.status).toBe(400);
    const reset = await callRoute(route("POST", "/api/v1/password-reset"), "/api/v1/password-reset", { body: { email: "learner@demo.skhodynky.org\u0000" } });
    expect(reset.status).toBe(400);
  });
});

describe("link tokens are compared as bytes", () => {
  it("a non-ASCII unsubscribe code as long as the real one in characters but not in bytes is refused with 400", async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "curator@demo.skhodynky.org" } });
    const [, mac] = unsubscribeToken(user.id).split(".");
    const forged = `${user.id}.${"ї".repeat(mac!.length)}`;
    const refusal = await unsubscribe(forged).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(400);
    expect(await unsubscribe(unsubscribeToken(user.id))).toEqual({ ok: true });
  });
});

describe("sign-in with odd credentials", () => {
  it("refuses an e-mail or password with control characters without touching the database", async () => {
    const provider = getAuthOptions().providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<unknown> };
    };
    for (const credentials of [
      { email: "learner@demo.skhodynky.org\u0000", password: "Skhodynky-demo-2026" },
      { email: "\u202elearner@demo.skhodynky.org", password: "Skhodynky-demo-2026" },
      { email: "learner@demo.skhodynky.org", password: "Skhodynky-demo-2026\u0000" },
      { email: "\ud800", password: "x" },
    ]) {
      await expect(provider.options.authorize(credentials, { headers: {} }), JSON.stringify(credentials)).resolves.toBeNull();
    }
    expect(await getDb().signInFailure.count({ where: { email: { contains: "learner@demo" } } })).toBe(0);
  });

  it("the sign-in guard lets a NUL-byte e-mail through to be refused by next-auth, not to crash the throttle", async () => {
    for (const email of ["learner%40demo.skhodynky.org%00", "%00", "%E2%80%AElearner%40demo.skhodynky.org"]) {
      const req = new NextRequest(new URL("/api/auth/callback/credentials", ORIGIN), {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: `email=${email}&password=x`,
      });
      const refused = await guardCredentialsSignIn(req);
      expect(refused === null || refused.status < 500, email).toBe(true);
    }
  });
});
