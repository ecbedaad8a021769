import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld, DEMO_PASSWORD } from "../factories/demo-world";
import { resolveSession } from "../../server/auth/current-user";
import { assertSignInAllowed, verifySignIn, LOCK_AFTER_FAILURES, THROTTLE_WINDOW_MS } from "../../server/auth/sign-in";
import { SESSION_ABSOLUTE_SECONDS } from "../../server/auth/session-config";
import { AppError } from "../../server/errors";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import * as password from "../../app/api/v1/me/password/route";
import * as signOutEverywhere from "../../app/api/v1/me/sign-out-everywhere/route";
import * as manageUser from "../../app/api/v1/users/[id]/[action]/route";
import * as resetRequest from "../../app/api/v1/password-reset/route";
import * as resetConfirm from "../../app/api/v1/password-reset/confirm/route";

beforeAll(async () => {
  await createDemoWorld(getDb());
});

async function learnerEmail(n: number): Promise<string> {
  const learners = await getDb().user.findMany({
    where: { roles: { every: { role: "LEARNER" } } },
    orderBy: { email: "asc" },
    select: { email: true },
  });
  return learners[n]!.email;
}

async function latestLinkTo(email: string): Promise<string> {
  const mail = await getDb().outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error("no link in mail");
  return new URL(link).searchParams.get("token")!;
}

describe("sessions end at once when they should", () => {
  it("a password change ends other sessions but keeps this device signed in", async () => {
    const email = await learnerEmail(0);
    await signInAs(email);
    const otherDevice = currentSessionToken()!;
    expect(await resolveSession(otherDevice)).not.toBeNull();
    const res = await callRoute(password.POST, "/api/v1/me/password", { body: { currentPassword: DEMO_PASSWORD, newPassword: "нова-фраза-для-входу" } });
    expect(res.status).toBe(200);
    expect(await resolveSession(otherDevice)).toBeNull();
    expect(await resolveSession(currentSessionToken()!)).not.toBeNull();
    expect((await verifySignIn(email, "нова-фраза-для-входу", "1.1.1.1")).ok).toBe(true);
  });

  it("a wrong current password changes nothing", async () => {
    const email = await learnerEmail(1);
    await signInAs(email);
    const res = await callRoute(password.POST, "/api/v1/me/password", { body: { currentPassword: "not-my-password", newPassword: "ще-одна-довга-фраза" } });
    expect(res.status).toBe(400);
    expect(res.json.error?.fields?.currentPassword).toBeDefined();
    expect((await verifySignIn(email, DEMO_PASSWORD, "1.1.1.1")).ok).toBe(true);
  });

  it("sign out everywhere ends every session, this one included", async () => {
    await signInAs(await learnerEmail(2));
    const token = currentSessionToken()!;
    expect((await callRoute(signOutEverywhere.POST, "/api/v1/me/sign-out-everywhere")).status).toBe(200);
    expect(await resolveSession(token)).toBeNull();
    expect(currentSessionToken()).toBeUndefined();
  });

  it("an admin disabling an account ends its sessions; enabling lets it sign in again", async () => {
    const email = await learnerEmail(3);
    const target = await signInAs(email);
    const token = currentSessionToken()!;
    await signInAs("admin@demo.skhodynky.org");
    const disabled = await callRoute(manageUser.POST, "/x", { params: { id: target.id, action: "disable" } });
    expect(disabled.status).toBe(200);
    expect(await resolveSession(token)).toBeNull();
    expect((await verifySignIn(email, DEMO_PASSWORD, "1.1.1.1")).ok).toBe(false);
    await callRoute(manageUser.POST, "/x", { params: { id: target.id, action: "enable" } });
    expect((await verifySignIn(email, DEMO_PASSWORD, "1.1.1.1")).ok).toBe(true);
  });

  it("an admin's sign-out-everywhere ends the user's sessions", async () => {
    const target = await signInAs(await learnerEmail(4));
    const token = currentSessionToken()!;
    await signInAs("admin@demo.skhodynky.org");
    expect((await callRoute(manageUser.POST, "/x", { params: { id: target.id, action: "sign-out-everywhere" } })).status).toBe(200);
    expect(await resolveSession(token)).toBeNull();
  });

  it("a methodologist cannot act on accounts of another region, nor on admins", async () => {
    const meth = await getDb().user.findUniqueOrThrow({
      where: { email: "methodist.poltava@demo.skhodynky.org" },
      select: { organization: { select: { hromada: { select: { regionId: true } } } } },
    });
    const outsider = await getDb().user.findFirstOrThrow({
      where: { organization: { hromada: { regionId: { not: meth.organization.hromada.regionId } } }, roles: { some: { role: "LEARNER" } } },
    });
    const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@demo.skhodynky.org" } });
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const res = await callRoute(manageUser.POST, "/x", { params: { id: outsider.id, action: "disable" } });
    expect(res.status).toBe(404);
    const onAdmin = await callRoute(manageUser.POST, "/x", { params: { id: admin.id, action: "disable" } });
    expect([403, 404]).toContain(onAdmin.status);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: outsider.id } })).status).toBe("ACTIVE");
  });

  it("a session older than the absolute lifetime is over", async () => {
    await signInAs(await learnerEmail(5));
    const token = currentSessionToken()!;
    expect(await resolveSession(token)).not.toBeNull();
    expect(await resolveSession(token, Date.now() + (SESSION_ABSOLUTE_SECONDS + 60) * 1000)).toBeNull();
  });
});

describe("sign-in throttle and lockout", () => {
  it("refuses with 429 after 10 failures per account and address within 15 minutes", async () => {
    const email = await learnerEmail(6);
    for (let i = 0; i < 10; i++) {
      await assertSignInAllowed(email, "10.0.0.1");
      expect((await verifySignIn(email, "wrong-password-" + i, "10.0.0.1")).ok).toBe(false);
    }
    const refusal = await assertSignInAllowed(email, "10.0.0.1").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(429);
    expect((refusal as AppError).retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not throttled, and the window passes.
    await expect(assertSignInAllowed(email, "10.0.0.2")).resolves.toBeUndefined();
    await expect(assertSignInAllowed(email, "10.0.0.1", new Date(Date.now() + THROTTLE_WINDOW_MS + 1000))).resolves.toBeUndefined();
  });

  it("locks the account after 100 consecutive failures until a password reset", async () => {
    const email = await learnerEmail(7);
    const user = await getDb().user.update({ where: { email }, data: { failedSignIns: LOCK_AFTER_FAILURES - 1 }, select: { id: true } });
    expect(await verifySignIn(email, "wrong", "10.0.0.3")).toEqual({ ok: false, reason: "locked" });
    expect(await verifySignIn(email, DEMO_PASSWORD, "10.0.0.3")).toEqual({ ok: false, reason: "locked" });

    expect((await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email } })).status).toBe(202);
    const token = await latestLinkTo(email);
    const confirmed = await callRoute(resetConfirm.POST, "/api/v1/password-reset/confirm", { body: { token, password: "відновлений-пароль-1" } });
    expect(confirmed.status).toBe(200);
    const after = await verifySignIn(email, "відновлений-пароль-1", "10.0.0.3");
    expect(after).toMatchObject({ ok: true, userId: user.id });
  });
});

describe("password reset links", () => {
  it("work once, end sessions, and do not reveal whether an address has an account", async () => {
    const email = await learnerEmail(8);
    await signInAs(email);
    const token0 = currentSessionToken()!;
    const unknown = await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email: "nobody@example.org" } });
    expect(unknown.status).toBe(202);
    expect(await getDb().outboxMail.count({ where: { to: "nobody@example.org" } })).toBe(0);
    await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email } });
    const token = await latestLinkTo(email);
    expect((await callRoute(resetConfirm.POST, "/x", { body: { token, password: "перший-новий-пароль" } })).status).toBe(200);
    expect(await resolveSession(token0)).toBeNull();
    const again = await callRoute(resetConfirm.POST, "/x", { body: { token, password: "другий-новий-пароль" } });
    expect(again.status).toBe(404);
    expect((await verifySignIn(email, "перший-новий-пароль", "1.2.3.4")).ok).toBe(true);
  });

  it("expire after one hour", async () => {
    const email = await learnerEmail(9);
    await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email } });
    const token = await latestLinkTo(email);
    const row = await getDb().passwordResetToken.findFirstOrThrow({ where: { user: { email } } });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 60 * 60 * 1000)).toBeLessThan(2000);
    await getDb().passwordResetToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await callRoute(resetConfirm.POST, "/x", { body: { token, password: "запізнілий-пароль" } });
    expect(res.status).toBe(404);
  });
});
