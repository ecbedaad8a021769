import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs, signOutLocally } from "../helpers/api";
import * as invitations from "../../app/api/v1/invitations/route";
import * as me from "../../app/api/v1/me/route";
import * as openapi from "../../app/api/v1/openapi.json/route";

let orgId = "";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("unused-in-these-tests") });
  const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@demo.skhodynky.org" }, select: { organizationId: true } });
  orgId = admin.organizationId;
});

const invite = (email: string) => ({ email, name: "Ганна Іваненко", organizationId: orgId, roles: ["LEARNER"], locale: "uk" });

describe("the /api/v1 wrapper", () => {
  it("answers 401 to a request without a session", async () => {
    signOutLocally();
    const res = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("a@example.org") });
    expect(res.status).toBe(401);
    expect(res.json.error?.code).toBe("unauthenticated");
  });

  it("answers 400 with a message to malformed JSON", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const res = await callRoute(invitations.POST, "/api/v1/invitations", { rawBody: '{"email": "x@', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe("bad_request");
    expect(res.json.error?.message).toMatch(/JSON/);
  });

  it("answers 400 with per-field messages to wrong types, in the user's language", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const res = await callRoute(invitations.POST, "/api/v1/invitations", { body: { email: 42, name: "", roles: "ADMIN" } });
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe("validation_failed");
    expect(Object.keys(res.json.error?.fields ?? {})).toEqual(expect.arrayContaining(["email", "name", "organizationId", "roles"]));
    expect(res.json.error?.fields?.name?.[0]).toBe("Вкажіть ім'я та прізвище.");
  });

  it("answers 413 to a body over 1 MB and 415 to a body that is not JSON", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const big = JSON.stringify({ ...invite("big@example.org"), name: "x".repeat(1024 * 1024 + 10) });
    const tooLarge = await callRoute(invitations.POST, "/api/v1/invitations", { rawBody: big });
    expect(tooLarge.status).toBe(413);
    const notJson = await callRoute(invitations.POST, "/api/v1/invitations", {
      rawBody: "email=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(notJson.status).toBe(415);
  });

  it("answers 403 to a learner and to a cross-site request", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const learner = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("l@example.org") });
    expect(learner.status).toBe(403);
    await signInAs("admin@demo.skhodynky.org");
    const crossSite = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("cs@example.org"), headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error?.code).toBe("forbidden");
    const fetchMeta = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: invite("cs2@example.org"),
      headers: { origin: "", "sec-fetch-site": "cross-site" },
    });
    expect(fetchMeta.status).toBe(403);
    expect(await getDb().invitation.count({ where: { email: { in: ["l@example.org", "cs@example.org", "cs2@example.org"] } } })).toBe(0);
  });

  it("replays a request with the same Idempotency-Key and writes once", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const headers = { "idempotency-key": "replay-test-key-0001" };
    const first = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("once@example.org"), headers });
    const second = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("once@example.org"), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().invitation.count({ where: { email: "once@example.org" } })).toBe(1);
    expect(await getDb().outboxMail.count({ where: { to: "once@example.org" } })).toBe(1);
  });

  it("refuses a reused key with a different body (422) and a malformed key (400)", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const headers = { "idempotency-key": "reuse-test-key-0002" };
    expect((await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("r1@example.org"), headers })).status).toBe(201);
    const reused = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("r2@example.org"), headers });
    expect(reused.status).toBe(422);
    const bad = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("r3@example.org"), headers: { "idempotency-key": "no" } });
    expect(bad.status).toBe(400);
    expect(await getDb().invitation.count({ where: { email: { in: ["r2@example.org", "r3@example.org"] } } })).toBe(0);
  });

  it("lets a failed first attempt be retried with the same key", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const headers = { "idempotency-key": "retry-after-fail-0003" };
    const taken = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("learner@demo.skhodynky.org"), headers });
    expect(taken.status).toBe(409);
    const retried = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite("fixed@example.org"), headers });
    expect(retried.status).toBe(201);
    expect(await getDb().invitation.count({ where: { email: "fixed@example.org" } })).toBe(1);
    const patched = await callRoute(me.PATCH, "/api/v1/me", {
      method: "PATCH",
      body: { position: "Соціальний менеджер" },
      headers: { "idempotency-key": "patch-key-0004" },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ position: "Соціальний менеджер" });
  });

  it("describes every endpoint in the OpenAPI document", async () => {
    const res = await openapi.GET();
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/invitations", "/api/v1/me", "/api/v1/users/import", "/api/v1/password-reset"]));
    expect(doc.paths["/api/v1/invitations"]?.post?.requestBody).toBeDefined();
  });
});
