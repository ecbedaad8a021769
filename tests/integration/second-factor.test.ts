import { beforeAll, describe, expect, it } from "vitest";
import { generateSync } from "otplib";
import { getDb } from "../../server/db/client";
import { AppError } from "../../server/errors";
import { resolveSessionState, type SessionUser } from "../../server/auth/current-user";
import { hashRecoveryCode, newTotpSecret, openValue, sealValue, TOTP_SECRET_PURPOSE } from "../../server/auth/second-factor";
import { SECOND_FACTOR_MAX_FAILURES } from "../../server/auth/sign-in";
import { startTotpEnrolment } from "../../features/accounts/server/second-factor/totp-enrolment";
import { enrolTotp } from "../../features/accounts/server/second-factor/enrol-totp";
import { proveSecondFactor } from "../../features/accounts/server/second-factor/prove-second-factor";
import { regenerateRecoveryCodes, removeSecondFactor } from "../../features/accounts/server/second-factor/manage-own-factors";
import { resetSecondFactor, resetSecondFactorAsOperator } from "../../features/accounts/server/second-factor/reset-second-factor";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { actorFromDb } from "../factories/actors";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import * as proveRoute from "../../app/api/v1/session/second-factor/route";
import * as enrolTotpRoute from "../../app/api/v1/me/second-factors/totp/route";
import * as meRoute from "../../app/api/v1/me/route";
import * as reportExportRoute from "../../app/api/v1/reports/export/route";
import * as resetRoute from "../../app/api/v1/users/[id]/second-factor/reset/route";
import * as codesRoute from "../../app/api/v1/me/recovery-codes/route";
import * as invitationsRoute from "../../app/api/v1/invitations/route";

/**
 * The second factor (issue 15, decision 052): authenticator apps (TOTP) and recovery codes, the
 * sign-in step they add, the roles that wait for one, sensitive actions that ask again after 15
 * minutes, and an admin's reset. Passkeys are proven end to end with Chromium's virtual authenticator
 * (tests/e2e/security/second-factor.spec.ts).
 */

const db = getDb();
const MINUTE = 60_000;
let place: TestPlace;

beforeAll(async () => {
  place = await createPlace(db);
});

const person = (roles: ("LEARNER" | "CURATOR" | "METHODOLOGIST" | "ADMIN")[]) => createPerson(db, { organizationId: place.organizationId, roles });
const sessionOf = async (userId: string) => (await db.userSession.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } })).id;
const codeAt = (secret: string, ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });
const request = { ip: "10.0.0.1", origin: "http://localhost:3000" };

/** A person with an authenticator app whose secret the test knows, signed in with the password only. */
async function personWithApp(roles: ("LEARNER" | "METHODOLOGIST" | "ADMIN")[] = ["LEARNER"]) {
  const who = await person(roles);
  const secret = newTotpSecret();
  await db.secondFactor.create({ data: { userId: who.id, kind: "TOTP", label: "Телефон", secret: sealValue(secret, TOTP_SECRET_PURPOSE) } });
  const codes = ["aaaaa-bbbbb", "ccccc-ddddd"];
  await db.recoveryCode.createMany({ data: codes.map((c) => ({ userId: who.id, codeHash: hashRecoveryCode(c) })) });
  const { sessionId } = await signInAs(who.email, { secondFactor: "as-is" });
  return { who, secret, codes, sessionId, session: { userId: who.id, sessionId } };
}

describe("adding an authenticator app", () => {
  it("keeps the app once its first code is right, proves this session, and gives ten recovery codes kept only as hashes", async () => {
    const who = await person(["LEARNER"]);
    const actor = await actorFromDb(db, { id: who.id });
    const { sessionId } = await signInAs(who.email);
    const enrolment = await startTotpEnrolment(actor);
    expect(enrolment.qrSvg.startsWith("<svg")).toBe(true);
    const secret = enrolment.secretGroups.replace(/ /g, "");

    const wrong = await callRoute(enrolTotpRoute.POST, "/api/v1/me/second-factors/totp", {
      body: { sealed: enrolment.sealed, code: "000000", label: "Телефон" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error?.fields?.code).toBeDefined();
    expect(await db.secondFactor.count({ where: { userId: who.id } })).toBe(0);

    const added = await callRoute(enrolTotpRoute.POST, "/api/v1/me/second-factors/totp", {
      body: { sealed: enrolment.sealed, code: codeAt(secret, Date.now()), label: "Телефон" },
      headers: { "idempotency-key": "enrol-totp-key-1" },
    });
    expect(added.status).toBe(201);
    const codes = added.json.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/));

    const stored = await db.recoveryCode.findMany({ where: { userId: who.id } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    const factor = await db.secondFactor.findFirstOrThrow({ where: { userId: who.id } });
    expect(factor.secret).not.toContain(secret);
    expect(openValue(factor.secret!, TOTP_SECRET_PURPOSE)).toBe(secret);
    // Shown once: the answer was not kept for a replay (it holds the codes).
    expect(await db.idempotencyRecord.count({ where: { key: "enrol-totp-key-1" } })).toBe(0);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).secondFactorAt).not.toBeNull();
    const audit = await db.auditEntry.findMany({ where: { actorId: who.id } });
    expect(audit.map((e) => [e.action, e.regionId, e.detail])).toEqual([["auth.second-factor.enrolled", place.regionId, { kind: "TOTP", first: true }]]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("refuses a sealed secret that was altered, is someone else's, or is older than 15 minutes", async () => {
    const [a, b] = await Promise.all([person(["LEARNER"]), person(["LEARNER"])]);
    const [actorA, actorB] = await Promise.all([actorFromDb(db, { id: a.id }), actorFromDb(db, { id: b.id })]);
    const enrolment = await startTotpEnrolment(actorA);
    const code = codeAt(enrolment.secretGroups.replace(/ /g, ""), Date.now());
    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ message: "errors.totpEnrolmentExpired" });
    await refused(enrolTotp(actorB, null, { sealed: enrolment.sealed, code, label: "x" }));
    await refused(enrolTotp(actorA, null, { sealed: enrolment.sealed.slice(0, -2) + "AA", code, label: "x" }));
    await refused(enrolTotp(actorA, null, { sealed: enrolment.sealed, code, label: "x" }, new Date(Date.now() + 16 * MINUTE)));
  });

  it("allows one app per person: two enrolments at once keep one app and ten recovery codes", async () => {
    const who = await person(["LEARNER"]);
    const actor = await actorFromDb(db, { id: who.id });
    const [first, second] = await Promise.all([startTotpEnrolment(actor), startTotpEnrolment(actor)]);
    const results = await Promise.allSettled(
      [first, second].map((e) => enrolTotp(actor, null, { sealed: e.sealed, code: codeAt(e.secretGroups.replace(/ /g, ""), Date.now()), label: "Телефон" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(AppError);
    expect((failure.reason as AppError).status).toBe(409);
    expect(await db.secondFactor.count({ where: { userId: who.id } })).toBe(1);
    expect(await db.recoveryCode.count({ where: { userId: who.id } })).toBe(10);
  });

  it("keeps a factor's columns to its kind and one app per person in the database itself", async () => {
    const who = await person(["LEARNER"]);
    const sealed = sealValue(newTotpSecret(), TOTP_SECRET_PURPOSE);
    await expect(db.secondFactor.create({ data: { userId: who.id, kind: "TOTP", label: "x", secret: sealed, credentialId: "abc" } })).rejects.toThrow();
    await expect(db.secondFactor.create({ data: { userId: who.id, kind: "PASSKEY", label: "x", credentialId: "abc" } })).rejects.toThrow();
    await expect(db.recoveryCode.create({ data: { userId: who.id, codeHash: "not-a-hash" } })).rejects.toThrow();
    await db.secondFactor.create({ data: { userId: who.id, kind: "TOTP", label: "x", secret: sealed } });
    await expect(db.secondFactor.create({ data: { userId: who.id, kind: "TOTP", label: "y", secret: sealed } })).rejects.toThrow();
  });
});

describe("signing in with a second factor", () => {
  it("leaves a password-only session outside the app until the second factor is proved", async () => {
    const { secret } = await personWithApp();
    const state = await resolveSessionState(currentSessionToken()!);
    expect(state?.kind).toBe("second-factor");
    expect((await callRoute(meRoute.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "Фахівець" } })).status).toBe(401);

    const wrong = await callRoute(proveRoute.POST, "/api/v1/session/second-factor", { body: { method: "totp", code: "123456" } });
    expect(wrong.status).toBe(400);
    const right = await callRoute(proveRoute.POST, "/api/v1/session/second-factor", { body: { method: "totp", code: codeAt(secret, Date.now()) } });
    expect(right.status).toBe(200);
    expect((await resolveSessionState(currentSessionToken()!))?.kind).toBe("signed-in");
    const audit = await db.auditEntry.findMany({
      where: { targetId: state!.kind === "second-factor" ? state!.pending.userId : "" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => [e.action, (e.detail as { method: string }).method])).toEqual([
      ["auth.second-factor.failed", "totp"],
      ["auth.second-factor.proved", "totp"],
    ]);
    expect(JSON.stringify(audit)).not.toContain("123456");
    expect((await callRoute(meRoute.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "Фахівець" } })).status).toBe(200);
  });

  it("accepts a code a step either side of now, not two steps off", async () => {
    const { secret, session } = await personWithApp();
    const now = Date.now();
    await expect(proveSecondFactor(session, { method: "totp", code: codeAt(secret, now - 65_000) }, request, new Date(now))).rejects.toMatchObject({
      message: "errors.secondFactorWrong",
    });
    await expect(proveSecondFactor(session, { method: "totp", code: codeAt(secret, now - 30_000) }, request, new Date(now))).resolves.toBeDefined();
  });

  it("takes an app's code once, even from two sign-ins at the same moment", async () => {
    const { who, secret, session } = await personWithApp();
    const other = { userId: who.id, sessionId: (await signInAs(who.email, { secondFactor: "as-is" })).sessionId };
    const code = codeAt(secret, Date.now());
    const results = await Promise.allSettled([
      proveSecondFactor(session, { method: "totp", code }, request),
      proveSecondFactor(other, { method: "totp", code }, request),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const proved = await db.userSession.count({ where: { id: { in: [session.sessionId, other.sessionId] }, secondFactorAt: { not: null } } });
    expect(proved).toBe(1);
  });

  it("takes a recovery code once, even from two sign-ins at the same moment, and says how many are left", async () => {
    const { who, codes, session } = await personWithApp();
    const other = { userId: who.id, sessionId: (await signInAs(who.email, { secondFactor: "as-is" })).sessionId };
    const results = await Promise.allSettled([
      proveSecondFactor(session, { method: "recovery", code: codes[0]!.toUpperCase() }, request),
      proveSecondFactor(other, { method: "recovery", code: ` ${codes[0]!.replace("-", "")} ` }, request),
    ]);
    const fulfilled = results.filter((r): r is PromiseFulfilledResult<{ recoveryCodesLeft: number | null }> => r.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]!.value.recoveryCodesLeft).toBe(1);
    expect(await db.recoveryCode.count({ where: { userId: who.id, usedAt: { not: null } } })).toBe(1);
  });

  it("stops guessing after ten wrong codes in 15 minutes (429 with Retry-After), even with the right one", async () => {
    const { secret } = await personWithApp();
    for (let i = 0; i < SECOND_FACTOR_MAX_FAILURES; i++) {
      expect((await callRoute(proveRoute.POST, "/api/v1/session/second-factor", { body: { method: "recovery", code: `wrong-${i}` } })).status).toBe(400);
    }
    const blocked = await callRoute(proveRoute.POST, "/api/v1/session/second-factor", { body: { method: "totp", code: codeAt(secret, Date.now()) } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await resolveSessionState(currentSessionToken()!))?.kind).toBe("second-factor");
  });

  it("answers a form post without JavaScript with 303 to the page asked for", async () => {
    const { secret } = await personWithApp();
    const response = await callRoute(proveRoute.POST, "/api/v1/session/second-factor", {
      rawBody: new URLSearchParams({ method: "totp", code: codeAt(secret, Date.now()), next: "/today" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/today");
  });

  it("refuses a proof from someone who is not signed in", async () => {
    const { signOutLocally } = await import("../helpers/api");
    signOutLocally();
    expect((await callRoute(proveRoute.POST, "/api/v1/session/second-factor", { body: { method: "totp", code: "123456" } })).status).toBe(401);
  });
});

describe("roles that need a second factor", () => {
  it("keeps a methodologist without one to their other roles: the region's report is closed until they enrol", async () => {
    const methodologist = await person(["METHODOLOGIST", "LEARNER"]);
    await signInAs(methodologist.email, { secondFactor: "as-is" });
    const state = await resolveSessionState(currentSessionToken()!);
    expect(state?.kind).toBe("signed-in");
    const user = (state as { user: SessionUser }).user;
    expect(user.roles).toEqual(["LEARNER"]);
    expect(user.withheldRoles).toEqual(["METHODOLOGIST"]);
    const exported = await callRoute(reportExportRoute.GET, `/api/v1/reports/export?scope=region&id=${place.regionId}&format=csv`, { method: "GET" });
    expect(exported.status).toBe(403);

    const actor = await actorFromDb(db, { id: methodologist.id });
    const enrolment = await startTotpEnrolment(actor);
    await enrolTotp(actor, await sessionOf(methodologist.id), {
      sealed: enrolment.sealed,
      code: codeAt(enrolment.secretGroups.replace(/ /g, ""), Date.now()),
      label: "Телефон",
    });
    const after = (await resolveSessionState(currentSessionToken()!)) as { user: SessionUser };
    expect(after.user.roles).toEqual(["LEARNER", "METHODOLOGIST"]);
    const allowed = await callRoute(reportExportRoute.GET, `/api/v1/reports/export?scope=region&id=${place.regionId}&format=csv`, { method: "GET" });
    expect(allowed.status).toBe(200);
  });

  it("asks for the second factor again before an export when the last proof is older than 15 minutes", async () => {
    const methodologist = await person(["METHODOLOGIST"]);
    const { sessionId } = await signInAs(methodologist.email);
    await db.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date(Date.now() - 16 * MINUTE) } });
    const stale = await callRoute(reportExportRoute.GET, `/api/v1/reports/export?scope=region&id=${place.regionId}&format=csv`, { method: "GET" });
    expect(stale.status).toBe(403);
    expect(stale.json.error?.code).toBe("second_factor_required");
    await db.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date(Date.now() - 14 * MINUTE) } });
    const fresh = await callRoute(reportExportRoute.GET, `/api/v1/reports/export?scope=region&id=${place.regionId}&format=csv`, { method: "GET" });
    expect(fresh.status).toBe(200);
  });

  it("asks for it again before granting a methodologist's or an admin's role by invitation, not a learner's", async () => {
    const admin = await person(["ADMIN"]);
    const { sessionId } = await signInAs(admin.email);
    await db.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date(Date.now() - 16 * MINUTE) } });
    const invite = (roles: string[], n: number) =>
      callRoute(invitationsRoute.POST, "/api/v1/invitations", {
        body: { email: `invitee.${n}.${admin.id}@example.org`, name: "Ірина Савчук", organizationId: place.organizationId, roles },
      });
    const stale = await invite(["METHODOLOGIST"], 1);
    expect([stale.status, stale.json.error?.code]).toEqual([403, "second_factor_required"]);
    expect((await invite(["ADMIN", "LEARNER"], 2)).status).toBe(403);
    expect((await invite(["LEARNER", "CURATOR"], 3)).status).toBe(201);
    expect(await db.invitation.count({ where: { email: { contains: admin.id } } })).toBe(1);
    await db.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
    expect((await invite(["METHODOLOGIST"], 4)).status).toBe(201);
  });

  it("keeps an admin's or a methodologist's last factor; a learner's last one goes with its recovery codes", async () => {
    const { who: methodologist } = await personWithApp(["METHODOLOGIST"]);
    const mActor: SessionUser = { ...(await actorFromDb(db, { id: methodologist.id })), secondFactorAt: Date.now() };
    const mFactor = await db.secondFactor.findFirstOrThrow({ where: { userId: methodologist.id } });
    await expect(removeSecondFactor(mActor, mFactor.id)).rejects.toMatchObject({ message: "errors.lastSecondFactor" });

    const { who: learner } = await personWithApp();
    const lActor: SessionUser = { ...(await actorFromDb(db, { id: learner.id })), secondFactorAt: Date.now() };
    const lFactor = await db.secondFactor.findFirstOrThrow({ where: { userId: learner.id } });
    await expect(removeSecondFactor({ ...lActor, secondFactorAt: Date.now() - 20 * MINUTE }, lFactor.id)).rejects.toMatchObject({
      code: "second_factor_required",
    });
    await expect(removeSecondFactor(mActor, lFactor.id)).rejects.toMatchObject({ message: "errors.secondFactorNotFound" });
    await removeSecondFactor(lActor, lFactor.id);
    expect(await db.secondFactor.count({ where: { userId: learner.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("replaces every recovery code with ten new ones, after a recent proof", async () => {
    const { who, codes } = await personWithApp();
    await db.userSession.updateMany({ where: { userId: who.id }, data: { secondFactorAt: new Date() } });
    const response = await callRoute(codesRoute.POST, "/api/v1/me/recovery-codes", { headers: { "idempotency-key": "regenerate-codes-1" } });
    expect(response.status).toBe(200);
    const fresh = response.json.recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    const hashes = (await db.recoveryCode.findMany({ where: { userId: who.id } })).map((r) => r.codeHash);
    expect(hashes.sort()).toEqual(fresh.map(hashRecoveryCode).sort());
    expect(hashes).not.toContain(hashRecoveryCode(codes[1]!));
    expect(await db.idempotencyRecord.count({ where: { key: "regenerate-codes-1" } })).toBe(0);
    const stale: SessionUser = { ...(await actorFromDb(db, { id: who.id })), secondFactorAt: null };
    await expect(regenerateRecoveryCodes(stale)).rejects.toMatchObject({ code: "second_factor_required" });
  });
});

describe("an admin resets a lost second factor", () => {
  async function adminProved(minutesAgo = 0): Promise<{ admin: TestPerson; actor: SessionUser }> {
    const admin = await person(["ADMIN"]);
    await signInAs(admin.email);
    const actor = { ...(await actorFromDb(db, { id: admin.id })), secondFactorAt: Date.now() - minutesAgo * MINUTE };
    return { admin, actor };
  }

  it("removes every factor and code, ends the person's sessions and tells them by mail", async () => {
    const { who: methodologist } = await personWithApp(["METHODOLOGIST"]);
    const token = currentSessionToken()!;
    await adminProved();
    const response = await callRoute(resetRoute.POST, `/api/v1/users/${methodologist.id}/second-factor/reset`, { params: { id: methodologist.id } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ removed: 1 });
    expect(await db.secondFactor.count({ where: { userId: methodologist.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: methodologist.id } })).toBe(0);
    expect(await resolveSessionState(token)).toBeNull();
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: methodologist.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toContain("Другий фактор");
    expect(mail.text).toContain("/profile/security");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "auth.second-factor.reset", targetId: methodologist.id } });
    expect(entry.regionId).toBe(place.regionId);
    expect(entry.detail).toEqual({ factors: 1, by: "admin" });
  });

  it("lets the operator reset the last admin's factor from the server (npm run second-factor:reset)", async () => {
    const { who: admin, sessionId } = await personWithApp(["ADMIN"]);
    await expect(resetSecondFactorAsOperator(db, "nobody@example.org")).rejects.toThrow("No account has the address");
    expect(await resetSecondFactorAsOperator(db, ` ${admin.email.toUpperCase()} `)).toBe(1);
    expect(await db.secondFactor.count({ where: { userId: admin.id } })).toBe(0);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "auth.second-factor.reset", targetId: admin.id } });
    expect([entry.actorId, entry.detail]).toEqual([null, { factors: 1, by: "operator" }]);
  });

  it("asks the admin for their own second factor within 15 minutes, and never resets their own", async () => {
    const { who } = await personWithApp();
    const { actor } = await adminProved(16);
    await expect(resetSecondFactor(actor, who.id)).rejects.toMatchObject({ code: "second_factor_required" });
    expect(await db.secondFactor.count({ where: { userId: who.id } })).toBe(1);
    const fresh = { ...actor, secondFactorAt: Date.now() };
    await db.secondFactor
      .create({ data: { userId: actor.id, kind: "TOTP", label: "x", secret: sealValue(newTotpSecret(), TOTP_SECRET_PURPOSE) } })
      .catch(() => undefined);
    await expect(resetSecondFactor(fresh, actor.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is not a methodologist's to do, even in their own region", async () => {
    const { who } = await personWithApp();
    const methodologist = await person(["METHODOLOGIST"]);
    const actor = { ...(await actorFromDb(db, { id: methodologist.id })), secondFactorAt: Date.now() };
    await expect(resetSecondFactor(actor, who.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.secondFactor.count({ where: { userId: who.id } })).toBe(1);
  });
});
