import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { AppError } from "../../server/errors";
import { createUserSession } from "../../server/auth/user-sessions";
import { readSessionClaims } from "../../server/auth/current-user";
import { endSignedInDevice, listSignedInDevices } from "../../features/accounts/server/devices";
import { changePassword, signOutEverywhere } from "../../features/accounts/server/profile";
import { manageUser } from "../../features/accounts/server/manage-user";
import { confirmPasswordReset, requestPasswordReset } from "../../features/accounts/server/password-reset";
import { findCatalogAudience } from "../../features/content/server/load-catalog";
import type { Actor } from "../../server/authz/policy";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import * as endRoute from "../../app/api/v1/me/sessions/[id]/end/route";
import { createPerson, createPlace, type TestPlace } from "../factories/people";

/**
 * Signed-in devices (issue 15): a person sees where their account is open and ends any one of those
 * sessions; whatever moves the account's session version ends its sessions in the database too.
 */

const db = getDb();
const WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
const HOUR = 60 * 60 * 1000;

let place: TestPlace;
const actorOf = async (id: string): Promise<Actor> => (await findCatalogAudience(id))!;
const openSessions = async (userId: string) => db.userSession.count({ where: { userId, revokedAt: null } });

async function personWithDevices() {
  const person = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"], password: "довга-фраза-для-входу" });
  const office = await createUserSession(person.id, { userAgent: WINDOWS_CHROME, ip: "10.1.2.3" });
  const phone = await createUserSession(person.id, { userAgent: ANDROID_CHROME, ip: "10.9.8.7" });
  return { person, actor: await actorOf(person.id), office, phone };
}

beforeAll(async () => {
  place = await createPlace(db);
});

describe("the list of signed-in devices", () => {
  it("shows the person's open sessions, most recently used first, and marks this one", async () => {
    const { person, actor, office, phone } = await personWithDevices();
    await db.userSession.update({ where: { id: office }, data: { lastSeenAt: new Date(Date.now() - HOUR) } });
    const other = await personWithDevices();

    const devices = await listSignedInDevices(actor, office);
    expect(devices.map((d) => [d.id, d.browser, d.system, d.ip, d.current])).toEqual([
      [phone, "Chrome", "Android", "10.9.8.7", false],
      [office, "Chrome", "Windows", "10.1.2.3", true],
    ]);
    expect(devices.some((d) => d.id === other.office)).toBe(false);
    expect(person.id).toBe(actor.id);
  });

  it("leaves out sessions that ended: signed out, idle past 8 hours, or older than 14 days", async () => {
    const { actor, office, phone } = await personWithDevices();
    const idle = await createUserSession(actor.id, { userAgent: WINDOWS_CHROME });
    const old = await createUserSession(actor.id, { userAgent: WINDOWS_CHROME });
    await db.userSession.update({ where: { id: phone }, data: { revokedAt: new Date() } });
    await db.userSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - 9 * HOUR) } });
    await db.userSession.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 15 * 24 * HOUR) } });
    expect((await listSignedInDevices(actor, null)).map((d) => d.id)).toEqual([office]);
  });
});

describe("ending a device's session", () => {
  it("ends that one session only; it is decided once, and another person's session is not found", async () => {
    const { actor, office, phone } = await personWithDevices();
    const other = await personWithDevices();

    const results = await Promise.allSettled([endSignedInDevice(actor, phone, office), endSignedInDevice(actor, phone, office)]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<unknown>).value)).toEqual([{ wasThisDevice: false }]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).status).toBe(404);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: phone } })).revokedAt).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: office } })).revokedAt).toBeNull();

    await expect(endSignedInDevice(actor, other.phone, office)).rejects.toMatchObject({ status: 404 });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: other.phone } })).revokedAt).toBeNull();
  });

  it("through the API, as a form from the profile without a script: 303 back to the profile; this device's own session clears its cookie", async () => {
    const { person, office } = await personWithDevices();
    await signInAs(person.email);
    const thisSession = (await readSessionClaims(currentSessionToken()!))!.sid;

    const form = await callRoute(endRoute.POST, `/api/v1/me/sessions/${office}/end`, {
      params: { id: office },
      rawBody: "next=%2Fprofile",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/\/profile$/);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: office } })).revokedAt).not.toBeNull();

    const again = await callRoute(endRoute.POST, `/api/v1/me/sessions/${office}/end`, { params: { id: office } });
    expect(again.status).toBe(404);

    const own = await callRoute(endRoute.POST, `/api/v1/me/sessions/${thisSession}/end`, { params: { id: thisSession } });
    expect(own.status).toBe(200);
    expect(currentSessionToken()).toBeFalsy();
    expect(await openSessions(person.id)).toBe(1);
  });
});

describe("moving the session version ends the sessions in the database", () => {
  it("on sign out everywhere, by the person or an admin, and on a reset", async () => {
    const mine = await personWithDevices();
    await signOutEverywhere(mine.actor);
    expect(await openSessions(mine.person.id)).toBe(0);

    const theirs = await personWithDevices();
    const admin = await createPerson(db, { organizationId: place.organizationId, roles: ["ADMIN"] });
    await manageUser(await actorOf(admin.id), theirs.person.id, "sign-out-everywhere");
    expect(await openSessions(theirs.person.id)).toBe(0);
    expect(await listSignedInDevices(theirs.actor, theirs.office)).toEqual([]);

    const forgot = await personWithDevices();
    await requestPasswordReset(forgot.person.email);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: forgot.person.email }, orderBy: { createdAt: "desc" } });
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
    await confirmPasswordReset(token, "відновлена-довга-фраза");
    expect(await openSessions(forgot.person.id)).toBe(0);
  });

  it("on a password change, every session but the device it was changed on", async () => {
    const { person, actor, office, phone } = await personWithDevices();
    await changePassword(actor, "довга-фраза-для-входу", "нова-довга-фраза-2026", "127.0.0.1", office);
    expect((await listSignedInDevices(actor, office)).map((d) => d.id)).toEqual([office]);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: phone } })).revokedAt).not.toBeNull();
    expect(person.id).toBe(actor.id);
  });
});
