import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { recordAudit, recordAudits, type AuditDetail } from "../../server/audit/record-audit";
import { purgeAuditTrail } from "../../server/audit/purge-audit-trail";
import { purgeExpiredRecords } from "../../server/jobs/retention";
import { getEnv } from "../../server/env";
import { readFileSync } from "node:fs";
import type { Role } from "../../server/db/client";
import type { SessionUser } from "../../server/auth/current-user";
import { verifySignIn } from "../../server/auth/sign-in";
import { createLinkToken } from "../../server/tokens";
import { AppError } from "../../server/errors";
import { manageUser } from "../../features/accounts/server/manage-user";
import { changePassword, signOutEverywhere } from "../../features/accounts/server/profile";
import { confirmPasswordReset } from "../../features/accounts/server/password-reset";
import { createInvitations } from "../../features/accounts/server/create-invitations";
import { revokeInvitation } from "../../features/accounts/server/revoke-invitation";
import { acceptInvitation } from "../../features/accounts/server/accept-invitation";
import { assignMentees, endMentorship } from "../../features/mentoring/server/mentorships";
import { decideRequest, requestCurator } from "../../features/mentoring/server/requests";
import { exportReport } from "../../features/competences/server/export-report";
import { exportActivityReport } from "../../features/activity-report/server/export-activity-report";
import { createThread } from "../../features/community/server/create-thread";
import { setThreadLocked } from "../../features/community/server/set-thread-locked";
import { suspendMember } from "../../features/community/server/suspend-member";
import { createNationalSpace } from "../../features/community/server/create-space";
import { createGroup } from "../../features/community/server/create-group";
import { inviteToGroup } from "../../features/community/server/invite-to-group";
import { decideGroupAdmission } from "../../features/community/server/decide-group-admission";
import { removeGroupMember } from "../../features/community/server/remove-group-member";
import { createAuthoredItem } from "../../features/authoring/server/create-item";
import { submitForReview } from "../../features/authoring/server/submit-item";
import { saveDraft } from "../../features/authoring/server/save-draft";
import { approveForPublication } from "../../features/authoring/server/decide-review";
import { publishDueVersions } from "../../features/authoring/server/publish-due";
import { rollbackToVersion } from "../../features/authoring/server/rollback-item";
import { getAuthoringItem } from "../../features/authoring/server/get-authoring-item";
import { createHromada, createOrganization, createRegion, updateOrganizationSettings } from "../../features/directory/server/create-directory-entries";
import { findAuditEntries, AUDIT_PAGE_SIZE } from "../../features/audit/server/find-audit-entries";
import { listAuditRegions } from "../../features/audit/server/list-audit-regions";
import { exportAuditEntries } from "../../features/audit/server/export-audit-entries";
import { readAuditFilters, type AuditFilters } from "../../features/audit/schemas";
import { kyivDayStart } from "../../features/activity-report/period";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";
import * as exportRoute from "../../app/api/v1/audit/export/route";
import { callRoute, signInAs, signOutLocally } from "../helpers/api";
import { actorFromDb } from "../factories/actors";
import { createPerson, createPlace, uniqueSuffix, type TestPlace } from "../factories/people";

/**
 * The audit trail (issue 15, decision 050): append-only in the database, written only through the
 * one recorder, which keeps secrets and people's words out of it; purged only by the retention job.
 */

const db = getDb();
const DAY = 24 * 60 * 60 * 1000;

let place: TestPlace;
/** Another region, where the admins of these tests work: entries about `place` must carry `place`'s region, not the actor's. */
let elsewhere: TestPlace;

beforeAll(async () => {
  place = await createPlace(db);
  elsewhere = await createPlace(db);
});

type Person = Awaited<ReturnType<typeof createPerson>> & { actor: SessionUser };
async function person(roles: Role[], at: TestPlace = place, name?: string): Promise<Person> {
  const p = await createPerson(db, { organizationId: at.organizationId, roles, password: "audit-trail-test-2026", ...(name ? { name } : {}) });
  return { ...p, actor: await actorFromDb(db, { id: p.id }) };
}

/** The one entry of an action about a target (the test fails when there are none or several). */
async function only(action: string, targetId: string) {
  const rows = await db.auditEntry.findMany({ where: { action, targetId } });
  expect(rows, `${action} about ${targetId}`).toHaveLength(1);
  return rows[0]!;
}

async function expectStatus(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
}

/**
 * An entry of its own for a test, under a target id nobody else uses. Backdated ones are inserted
 * directly with their time, which the trail allows (it refuses only changes and deletes).
 */
async function entry(over: { createdAt?: Date } = {}) {
  const targetId = `t-${uniqueSuffix()}${uniqueSuffix()}`;
  if (over.createdAt) {
    return db.auditEntry.create({ data: { actorId: null, action: "user.status-changed", targetType: "User", targetId, createdAt: over.createdAt } });
  }
  await recordAudit(db, { actorId: null, action: "user.status-changed", targetType: "User", targetId, regionId: place.regionId, detail: { to: "DISABLED" } });
  return db.auditEntry.findFirstOrThrow({ where: { targetId } });
}

describe("the database keeps the trail append-only", () => {
  it("refuses to change an entry, through Prisma or plain SQL", async () => {
    const row = await entry();
    await expect(db.auditEntry.update({ where: { id: row.id }, data: { action: "auth.sign-in" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.updateMany({ where: { id: row.id }, data: { actorId: "someone-else" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "detail" = NULL WHERE "id" = $1`, row.id)).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("refuses to delete an entry, or to empty the table, outside the purge", async () => {
    const row = await entry();
    await expect(db.auditEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "id" = $1`, row.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    // The purge's setting lasts only for its own transaction: afterwards deletes are refused again.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('skh.audit_purge', 'on', true)`;
    });
    await expect(db.auditEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    // Setting anything else is not the purge's word.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('skh.audit_purge', 'yes', true)`;
        await tx.auditEntry.delete({ where: { id: row.id } });
      }),
    ).rejects.toThrow(/append-only/);
    // Even the purge's transaction may not change an entry or truncate.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('skh.audit_purge', 'on', true)`;
        await tx.auditEntry.update({ where: { id: row.id }, data: { action: "auth.sign-in" } });
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('skh.audit_purge', 'on', true)`;
        await tx.$executeRawUnsafe(`TRUNCATE "AuditEntry"`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count({ where: { id: row.id } })).toBe(1);
  });

  it("keeps the entries of an account that is removed, under its id", async () => {
    const person = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    await recordAudit(db, { actorId: person.id, action: "auth.password-changed", targetType: "User", targetId: person.id, regionId: place.regionId });
    await db.user.delete({ where: { id: person.id } });
    const kept = await db.auditEntry.findFirstOrThrow({ where: { targetId: person.id } });
    expect(kept).toMatchObject({ actorId: person.id, action: "auth.password-changed", regionId: place.regionId });
  });
});

describe("the recorder keeps secrets and people's words out", () => {
  const base = { actorId: null, action: "auth.sign-in" as const, targetType: "User", targetId: "u-recorder" };

  it("refuses detail named like a secret or a message, and writes nothing", async () => {
    const before = await db.auditEntry.count({ where: { targetId: "u-recorder" } });
    const refused: AuditDetail[] = [
      { password: "hunter2hunter2" },
      { newPassword: "x" },
      { resetToken: "abc" },
      { recoveryCode: "1234-5678" },
      { totp_secret: "JBSWY3DP" },
      { messageBody: "Привіт" },
      { text: "Мій клієнт" },
      { reason: "бо так" },
      { email: "someone@example.org" },
      { sessionCookie: "x" },
    ];
    for (const detail of refused) {
      await expect(recordAudit(db, { ...base, detail })).rejects.toThrow(/refused/);
    }
    expect(await db.auditEntry.count({ where: { targetId: "u-recorder" } })).toBe(before);
  });

  it("refuses long, multi-line, token-shaped or structured values", async () => {
    const refused: AuditDetail[] = [
      { label: "a".repeat(121) },
      { format: "рядок\nдругий" },
      { id2: "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA" },
      { sha: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
      { nested: { a: 1 } as unknown as string },
      { list: ["a"] as unknown as string },
      { count: Number.NaN },
    ];
    for (const detail of refused) {
      await expect(recordAudit(db, { ...base, detail })).rejects.toThrow(/refused/);
    }
  });

  it("refuses an action nobody named and a target that is not an id", async () => {
    await expect(recordAudit(db, { ...base, action: "user.deleted-everything" as never })).rejects.toThrow(/Unknown audit action/);
    await expect(recordAudit(db, { ...base, targetId: "someone@example.org" })).rejects.toThrow(/not an id/);
    await expect(recordAudit(db, { ...base, targetType: "User; DROP" })).rejects.toThrow(/short name/);
  });

  it("keeps short facts: words, numbers, booleans, nulls and ids", async () => {
    const targetId = `u-facts-${uniqueSuffix()}`;
    const detail = { from: "ACTIVE", to: "DISABLED", count: 3, isLive: true, publishOn: null, invitationId: "cm0abcdefghijklmnopqrstuv", ip: "203.0.113.9" };
    await recordAudit(db, { ...base, targetId, detail });
    expect((await db.auditEntry.findFirstOrThrow({ where: { targetId } })).detail).toEqual(detail);
  });

  it("writes a batch in one go, or none of it when one entry is wrong", async () => {
    const targetIds = [`b1-${uniqueSuffix()}`, `b2-${uniqueSuffix()}`];
    await expect(
      recordAudits(db, [
        { ...base, targetId: targetIds[0]! },
        { ...base, targetId: targetIds[1]!, detail: { token: "x" } },
      ]),
    ).rejects.toThrow(/refused/);
    expect(await db.auditEntry.count({ where: { targetId: { in: targetIds } } })).toBe(0);
    await recordAudits(
      db,
      targetIds.map((targetId) => ({ ...base, targetId })),
    );
    expect(await db.auditEntry.count({ where: { targetId: { in: targetIds } } })).toBe(2);
  });

  it("writes inside the caller's transaction: an action rolled back leaves no entry", async () => {
    const targetId = `rolled-${uniqueSuffix()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { ...base, targetId });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow(/the action failed/);
    expect(await db.auditEntry.count({ where: { targetId } })).toBe(0);
  });
});

describe("retention", () => {
  it("purges entries older than AUDIT_RETENTION_DAYS, keeps the rest, and records the purge", async () => {
    const now = new Date();
    const days = getEnv().AUDIT_RETENTION_DAYS;
    const old = await entry({ createdAt: new Date(now.getTime() - (days + 1) * DAY) });
    const recent = await entry({ createdAt: new Date(now.getTime() - (days - 1) * DAY) });
    const today = await entry();
    const removed = await purgeAuditTrail(now);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await db.auditEntry.count({ where: { id: old.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { id: { in: [recent.id, today.id] } } })).toBe(2);
    const purge = await db.auditEntry.findFirstOrThrow({ where: { action: "audit.purged" }, orderBy: { createdAt: "desc" } });
    expect(purge).toMatchObject({ actorId: null, targetType: "AuditEntry", targetId: "retention" });
    expect(purge.detail).toMatchObject({ deleted: removed, keptDays: days });
    // After the purge, deletes are refused again.
    await expect(db.auditEntry.delete({ where: { id: recent.id } })).rejects.toThrow(/append-only/);
  });

  it("runs with the daily purge of expired records", async () => {
    const now = new Date();
    const old = await entry({ createdAt: new Date(now.getTime() - (getEnv().AUDIT_RETENTION_DAYS + 10) * DAY) });
    await purgeExpiredRecords(now);
    expect(await db.auditEntry.count({ where: { id: old.id } })).toBe(0);
  });

  it("records nothing when nothing was old enough", async () => {
    const now = new Date();
    await purgeAuditTrail(now);
    const purges = await db.auditEntry.count({ where: { action: "audit.purged" } });
    expect(await purgeAuditTrail(now)).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "audit.purged" } })).toBe(purges);
  });
});

describe("each recorded action writes one entry, with its actor, target and region", () => {
  it("signing in and each kind of failure, never the password or what was typed as the address", async () => {
    const p = await person(["LEARNER"]);
    expect((await verifySignIn(p.email, p.password, "203.0.113.7")).ok).toBe(true);
    expect(await only("auth.sign-in", p.id)).toMatchObject({ actorId: p.id, targetType: "account", regionId: place.regionId, detail: { ip: "203.0.113.7" } });

    expect((await verifySignIn(p.email, "a-wrong-passphrase-1", "203.0.113.7")).ok).toBe(false);
    expect((await only("auth.sign-in-failed", p.id)).detail).toEqual({ ip: "203.0.113.7", outcome: "wrong-password" });

    const typed = `nobody.${uniqueSuffix()}@example.org`;
    const unknownBefore = await db.auditEntry.count({ where: { action: "auth.sign-in-failed", targetId: "unknown" } });
    expect((await verifySignIn(typed, "whatever-was-typed-2", "not-an-address")).ok).toBe(false);
    const unknown = await db.auditEntry.findMany({
      where: { action: "auth.sign-in-failed", targetId: "unknown" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(unknown).toHaveLength(unknownBefore + 1);
    expect(unknown[0]).toMatchObject({ actorId: null, targetType: "account", regionId: null, detail: { ip: "unrecognised", outcome: "unknown-account" } });

    await db.user.update({ where: { id: p.id }, data: { lockedAt: new Date() } });
    expect(await verifySignIn(p.email, p.password, "2001:db8::1")).toEqual({ ok: false, reason: "locked" });
    const failures = await db.auditEntry.findMany({ where: { action: "auth.sign-in-failed", targetId: p.id }, select: { detail: true } });
    expect(failures.map((f) => f.detail)).toContainEqual({ ip: "2001:db8::1", outcome: "locked" });

    const written = JSON.stringify(await db.auditEntry.findMany({ where: { OR: [{ targetId: p.id }, { id: unknown[0]!.id }] } }));
    for (const secret of [p.password, "a-wrong-passphrase-1", "whatever-was-typed-2", typed, p.email]) expect(written).not.toContain(secret);
  });

  it("an admin disabling, enabling and ending the sessions of an account, under the account's region", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    const target = await person(["LEARNER"]);
    await manageUser(admin.actor, target.id, "disable");
    const disabled = await only("user.status-changed", target.id);
    expect(disabled).toMatchObject({
      actorId: admin.id,
      targetType: "User",
      regionId: place.regionId,
      detail: { from: "ACTIVE", to: "DISABLED", sessionsEnded: true },
    });
    await manageUser(admin.actor, target.id, "enable");
    const changes = await db.auditEntry.findMany({ where: { action: "user.status-changed", targetId: target.id }, select: { detail: true } });
    expect(changes.map((c) => c.detail)).toContainEqual({ from: "DISABLED", to: "ACTIVE", sessionsEnded: false });
    expect(changes).toHaveLength(2);
    await manageUser(admin.actor, target.id, "sign-out-everywhere");
    expect(await only("user.sessions-ended", target.id)).toMatchObject({ actorId: admin.id, regionId: place.regionId });
    // Refused actions write nothing: a learner may not manage accounts.
    await expectStatus(manageUser(target.actor, admin.id, "disable"), 404);
    expect(await db.auditEntry.count({ where: { targetId: admin.id } })).toBe(0);
  });

  it("changing and resetting a password and signing out everywhere, never a password or the link", async () => {
    const p = await person(["LEARNER"]);
    await changePassword(p.actor, p.password, "нова-довга-фраза-для-входу", "203.0.113.9", null);
    expect(await only("auth.password-changed", p.id)).toMatchObject({ actorId: p.id, regionId: place.regionId, detail: null });
    await signOutEverywhere(p.actor);
    expect(await only("user.sessions-ended", p.id)).toMatchObject({ actorId: p.id, regionId: place.regionId });
    const { token, tokenHash } = createLinkToken();
    await db.passwordResetToken.create({ data: { userId: p.id, tokenHash, expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
    await confirmPasswordReset(token, "ще-одна-довга-фраза-для-входу");
    expect(await only("auth.password-reset", p.id)).toMatchObject({ actorId: p.id, regionId: place.regionId });
    const written = JSON.stringify(await db.auditEntry.findMany({ where: { targetId: p.id } }));
    for (const secret of [p.password, "нова-довга-фраза-для-входу", "ще-одна-довга-фраза-для-входу", token, tokenHash]) expect(written).not.toContain(secret);
  });

  it("inviting, revoking and accepting an invitation, with the roles it grants", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    const [invitation] = await createInvitations(admin.actor, [
      {
        email: `invited.${uniqueSuffix()}@example.org`,
        name: "Оксана Запрошена",
        position: "",
        organizationId: place.organizationId,
        roles: ["LEARNER", "CURATOR"],
        locale: "uk",
      },
    ]);
    expect(await only("invitation.created", invitation!.id)).toMatchObject({
      actorId: admin.id,
      targetType: "Invitation",
      regionId: place.regionId,
      detail: { roles: "LEARNER,CURATOR" },
    });
    await revokeInvitation(admin.actor, invitation!.id);
    expect(await only("invitation.revoked", invitation!.id)).toMatchObject({ actorId: admin.id, regionId: place.regionId });

    const { token, tokenHash } = createLinkToken();
    const email = `accepting.${uniqueSuffix()}@example.org`;
    const pending = await db.invitation.create({
      data: {
        email,
        name: "Тарас Новий",
        organizationId: place.organizationId,
        roles: ["LEARNER"],
        tokenHash,
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await acceptInvitation(token, "довга-фраза-нового-учасника");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const accepted = await only("invitation.accepted", user.id);
    expect(accepted).toMatchObject({ actorId: user.id, targetType: "User", regionId: place.regionId, detail: { invitationId: pending.id, roles: "LEARNER" } });
    expect(JSON.stringify(accepted)).not.toContain(token);
  });

  it("starting a mentorship by pairing or on request, and ending it once however often it is ended", async () => {
    const methodologist = await person(["METHODOLOGIST"]);
    const curator = await person(["CURATOR", "LEARNER"]);
    const [mentee, asker] = [await person(["LEARNER"]), await person(["LEARNER"])];
    expect(await assignMentees(methodologist.actor, [{ curatorEmail: curator.email, menteeEmail: mentee.email, line: 2 }])).toEqual({ ok: true, created: 1 });
    const paired = await db.mentorship.findFirstOrThrow({ where: { menteeId: mentee.id, endedAt: null } });
    expect(await only("mentorship.started", paired.id)).toMatchObject({
      actorId: methodologist.id,
      targetType: "Mentorship",
      regionId: place.regionId,
      detail: { curatorId: curator.id, menteeId: mentee.id, via: "pairing" },
    });
    await endMentorship(methodologist.actor, paired.id);
    await endMentorship(methodologist.actor, paired.id);
    expect(await only("mentorship.ended", paired.id)).toMatchObject({ actorId: methodologist.id, regionId: place.regionId });

    const request = await requestCurator(asker.actor, curator.id, undefined);
    await decideRequest(curator.actor, request.id, true);
    const asked = await db.mentorship.findFirstOrThrow({ where: { menteeId: asker.id, endedAt: null } });
    expect(await only("mentorship.started", asked.id)).toMatchObject({ actorId: curator.id, regionId: place.regionId, detail: { via: "request" } });
  });

  it("downloading a competence or activity report, under the region it covers", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    await exportReport(admin.actor, { scope: "region", id: place.regionId }, "csv", "uk");
    await exportReport(admin.actor, { scope: "hromada", id: place.hromadaId }, "xlsx", "uk");
    await exportReport(admin.actor, { scope: "country" }, "csv", "uk");
    await exportActivityReport(admin.actor, { region: place.regionId, format: "xlsx" }, "en");
    const rows = await db.auditEntry.findMany({
      where: { action: "report.exported", actorId: admin.id },
      select: { targetId: true, regionId: true, detail: true },
    });
    expect(rows).toHaveLength(4);
    expect(rows).toContainEqual({
      targetId: "competences",
      regionId: place.regionId,
      detail: { scope: "region", scopeId: place.regionId, format: "csv", suppressed: true },
    });
    expect(rows).toContainEqual({
      targetId: "competences",
      regionId: place.regionId,
      detail: { scope: "hromada", scopeId: place.hromadaId, format: "xlsx", suppressed: true },
    });
    expect(rows).toContainEqual(expect.objectContaining({ targetId: "competences", regionId: null, detail: expect.objectContaining({ scope: "country" }) }));
    expect(rows).toContainEqual(
      expect.objectContaining({ targetId: "activity", regionId: place.regionId, detail: expect.objectContaining({ scope: "region", format: "xlsx" }) }),
    );
    // A report the actor may not read is refused before anything is recorded.
    const learner = await person(["LEARNER"]);
    await expectStatus(exportReport(learner.actor, { scope: "region", id: place.regionId }, "csv", "uk"), 403);
    expect(await db.auditEntry.count({ where: { action: "report.exported", actorId: learner.id } })).toBe(0);
  });

  it("community moderation, under the space's region, without the moderator's words", async () => {
    const methodologist = await person(["METHODOLOGIST"]);
    const learner = await person(["LEARNER"]);
    const admin = await person(["ADMIN"], elsewhere);
    const slug = `audit-region-${uniqueSuffix()}`;
    await db.communitySpace.create({ data: { kind: "REGION", slug, name: "Область журналу", regionId: place.regionId } });
    const thread = await createThread(learner.actor, {
      spaceSlug: slug,
      kind: "DISCUSSION",
      title: "Як пояснити Дію старшим людям",
      body: "Поділіться досвідом, будь ласка.",
    });
    await setThreadLocked(methodologist.actor, thread.id, true, "Обговорення вичерпане, дякуємо всім");
    const locked = await only("moderation.lock", thread.id);
    expect(locked).toMatchObject({ actorId: methodologist.id, targetType: "Thread", regionId: place.regionId });
    expect(JSON.stringify(locked)).not.toContain("вичерпане");
    const logged = await db.moderationAction.findFirstOrThrow({ where: { threadId: thread.id, action: "LOCK" } });
    expect(locked.detail).toMatchObject({ moderationId: logged.id });

    // A suspension everywhere has no space: the entry takes the person's region.
    await suspendMember(admin.actor, { userId: learner.id, days: 1, reason: "Повторна реклама" });
    expect(await only("moderation.suspend", learner.id)).toMatchObject({ actorId: admin.id, targetType: "User", regionId: place.regionId });
  });

  it("spaces and groups: who opened them, and who was let in or out", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    const curator = await person(["CURATOR", "LEARNER"]);
    const colleague = await person(["LEARNER"]);
    const { slug: national } = await createNationalSpace(admin.actor, { name: `Журнал простору ${uniqueSuffix()}` });
    const space = await db.communitySpace.findUniqueOrThrow({ where: { slug: national } });
    expect(await only("community.space-created", space.id)).toMatchObject({ actorId: admin.id, regionId: null, detail: { kind: "NATIONAL" } });

    const { slug } = await createGroup(curator.actor, { name: `Група журналу ${uniqueSuffix()}` });
    const group = await db.communitySpace.findUniqueOrThrow({ where: { slug } });
    expect(await only("community.group-created", group.id)).toMatchObject({ actorId: curator.id, regionId: place.regionId });
    const admission = await inviteToGroup(curator.actor, slug, colleague.id);
    await decideGroupAdmission(colleague.actor, admission.id, "accept");
    expect(await only("community.group-member-added", group.id)).toMatchObject({
      actorId: colleague.id,
      regionId: place.regionId,
      detail: { userId: colleague.id, via: "invitation" },
    });
    await removeGroupMember(curator.actor, slug, colleague.id);
    expect(await only("community.group-member-removed", group.id)).toMatchObject({ actorId: curator.id, detail: { userId: colleague.id, left: false } });
  });

  it("publishing now, approving for a later day, the scheduled publication and a rollback", async () => {
    const [author, reviewer] = [await person(["LEARNER", "METHODOLOGIST"]), await person(["LEARNER", "METHODOLOGIST"])];
    const base = readFileSync("content/lessons/strong-passwords/uk.mdx", "utf8");
    const lesson = (id: string) => base.replace(/^id: strong-passwords$/m, `id: ${id}`).replace(/^title: .*$/m, `title: Паролі для ${id}`);
    const suffix = uniqueSuffix();

    const now = await createAuthoredItem(author.actor, { kind: "lesson", hromadaIds: [], text: lesson(`audit-now-${suffix}`) });
    await submitForReview(author.actor, now.id, 1);
    await approveForPublication(reviewer.actor, now.id, { revision: 2 });
    expect(await only("content.published", now.id)).toMatchObject({
      actorId: reviewer.id,
      targetType: "AuthoredItem",
      regionId: place.regionId,
      detail: { kind: "lesson", version: 1, submittedBy: author.id },
    });

    const later = await createAuthoredItem(author.actor, { kind: "lesson", hromadaIds: [], text: lesson(`audit-later-${suffix}`) });
    await submitForReview(author.actor, later.id, 1);
    const day = addDays(kyivDay(new Date()), 3);
    await approveForPublication(reviewer.actor, later.id, { revision: 2, publishOn: day });
    expect(await only("content.approved", later.id)).toMatchObject({ actorId: reviewer.id, regionId: place.regionId, detail: { version: 1 } });
    expect(await db.auditEntry.count({ where: { action: "content.published", targetId: later.id } })).toBe(0);
    await publishDueVersions(new Date(kyivDayStart(day).getTime() + 60_000));
    expect(await only("content.published", later.id)).toMatchObject({ actorId: null, regionId: place.regionId, detail: { version: 1, scheduled: true } });

    const view = await getAuthoringItem(author.actor, now.id);
    const saved = await saveDraft(author.actor, now.id, {
      revision: view.draft.revision,
      text: view.draft.text.replace("Ранок у старостаті.", "Ранок у ЦНАП."),
      hromadaIds: [],
    });
    await submitForReview(author.actor, now.id, saved.revision);
    await approveForPublication(reviewer.actor, now.id, { revision: saved.revision + 1 });
    await rollbackToVersion(reviewer.actor, now.id, 1);
    expect(await only("content.rolled-back", now.id)).toMatchObject({
      actorId: reviewer.id,
      regionId: place.regionId,
      detail: { version: 3, restoredFrom: 1 },
    });
  });

  it("regions, hromadas and organizations added to the directory, under their region", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    const taken = new Set((await db.region.findMany({ select: { code: true } })).map((r) => r.code));
    const code = Array.from({ length: 90 }, (_, i) => `UA-${i + 10}`).find((c) => !taken.has(c))!;
    const region = await createRegion(admin.actor, { code, nameUk: `Область журналу ${uniqueSuffix()}`, nameEn: "Audit Oblast" });
    expect(await only("directory.region-created", region.id)).toMatchObject({ actorId: admin.id, regionId: region.id });
    const hromada = await createHromada(admin.actor, { regionId: region.id, nameUk: "Громада журналу", nameEn: "Audit hromada" });
    expect(await only("directory.hromada-created", hromada.id)).toMatchObject({ regionId: region.id });
    const organization = await createOrganization(admin.actor, { hromadaId: hromada.id, name: "Центр журналу", kind: "NGO" });
    expect(await only("directory.organization-created", organization.id)).toMatchObject({ regionId: region.id });
    await updateOrganizationSettings(admin.actor, organization.id, { reassessEveryDays: 90 });
    expect(await only("directory.organization-settings-changed", organization.id)).toMatchObject({ regionId: region.id, detail: { reassessEveryDays: 90 } });
  });
});

describe("admins read the trail with filters", () => {
  /** A region of its own with entries at known Kyiv times 20 and 19 days ago, by people with names of their own. */
  async function story() {
    const here = await createPlace(db);
    const there = await createPlace(db);
    const tag = uniqueSuffix();
    const admin = await person(["ADMIN"], elsewhere);
    const yaryna = await person(["LEARNER"], here, `Ярина Журнальна ${tag}`);
    const petro = await person(["LEARNER"], there, `Петро Журнальний ${tag}`);
    const gone = await person(["LEARNER"], there);
    const d1 = addDays(kyivDay(new Date()), -20);
    const d2 = addDays(d1, 1);
    const at = (day: string, hours: number) => new Date(kyivDayStart(day).getTime() + hours * 3600_000);
    const write = (over: { actorId: string | null; action: string; regionId: string | null; createdAt: Date; detail?: object }) =>
      db.auditEntry.create({ data: { targetType: "User", targetId: yaryna.id, ...over } });
    const e1 = await write({
      actorId: yaryna.id,
      action: "user.status-changed",
      regionId: here.regionId,
      createdAt: at(d1, 10),
      detail: { from: "ACTIVE", to: "DISABLED" },
    });
    // 23:30 in Kyiv: still day 2 there, already day 3 in UTC or not — the filter counts Kyiv days.
    const e2 = await write({ actorId: yaryna.id, action: "mentorship.started", regionId: here.regionId, createdAt: at(d2, 23.5) });
    const e3 = await write({ actorId: petro.id, action: "user.status-changed", regionId: there.regionId, createdAt: at(d2, 9) });
    const e4 = await write({ actorId: gone.id, action: "auth.sign-in", regionId: there.regionId, createdAt: at(d2, 8) });
    const e5 = await write({ actorId: null, action: "content.published", regionId: null, createdAt: at(d2, 7), detail: { scheduled: true, tag } });
    await db.user.delete({ where: { id: gone.id } });
    return { here, there, tag, admin, yaryna, petro, d1, d2, e1, e2, e3, e4, e5 };
  }
  const ids = async (admin: Person, filters: AuditFilters) => (await findAuditEntries(admin.actor, filters, null, "uk")).rows.map((r) => r.id);

  it("by region, newest first, with the people named as they are now", async () => {
    const s = await story();
    expect(await ids(s.admin, { region: s.here.regionId })).toEqual([s.e2.id, s.e1.id]);
    const { rows } = await findAuditEntries(s.admin.actor, { region: s.there.regionId }, null, "en");
    expect(rows.map((r) => r.id)).toEqual([s.e3.id, s.e4.id]);
    expect(rows[0]!.actor).toEqual({ kind: "person", id: s.petro.id, name: s.petro.name, email: s.petro.email });
    expect(rows[0]!.region).toEqual({ id: s.there.regionId, name: expect.stringContaining("Test Oblast") });
    expect(rows[0]!.targetPerson).toEqual({ name: s.yaryna.name, email: s.yaryna.email });
    // The account that acted is gone: "a former member", by id only.
    expect(rows[1]!.actor).toEqual({ kind: "former", id: s.e4.actorId });
    await db.user.update({ where: { id: s.petro.id }, data: { name: `Петро Перейменований ${s.tag}` } });
    expect((await findAuditEntries(s.admin.actor, { region: s.there.regionId }, null, "uk")).rows[0]!.actor).toMatchObject({
      name: `Петро Перейменований ${s.tag}`,
    });
  });

  it("by who (part of a name or an e-mail), what and when (Kyiv days, both ends included)", async () => {
    const s = await story();
    expect(await ids(s.admin, { who: `журнальна ${s.tag}` })).toEqual([s.e2.id, s.e1.id]);
    expect(await ids(s.admin, { who: s.yaryna.email.slice(0, 12).toUpperCase() + s.yaryna.email.slice(12) })).toEqual([s.e2.id, s.e1.id]);
    expect(await ids(s.admin, { who: "%" + s.tag })).toEqual([]);
    expect(await ids(s.admin, { who: s.tag, action: "user.status-changed" })).toEqual([s.e3.id, s.e1.id]);
    expect(await ids(s.admin, { who: s.tag, from: s.d1, to: s.d1 })).toEqual([s.e1.id]);
    expect(await ids(s.admin, { who: s.tag, from: s.d2, to: s.d2 })).toEqual([s.e2.id, s.e3.id]);
    expect(await ids(s.admin, { who: s.tag, from: addDays(s.d2, 1) })).toEqual([]);
    // Entries with no region (national ones, the system's), by what and when.
    const national = await ids(s.admin, { region: "none", action: "content.published", from: s.d2, to: s.d2 });
    expect(national).toContain(s.e5.id);
    expect(await ids(s.admin, { region: s.here.regionId, action: "content.published" })).toEqual([]);
  });

  it("shows the detail as it was recorded, and the system as the actor of scheduled work", async () => {
    const s = await story();
    const { rows } = await findAuditEntries(s.admin.actor, { region: "none", action: "content.published", from: s.d2, to: s.d2 }, null, "uk");
    const row = rows.find((r) => r.id === s.e5.id)!;
    expect(row.actor).toEqual({ kind: "system" });
    expect(row.detail).toEqual([
      { key: "scheduled", value: true },
      { key: "tag", value: s.tag },
    ]);
    const first = (await findAuditEntries(s.admin.actor, { region: s.here.regionId }, null, "uk")).rows[1]!;
    expect(first.detail).toEqual([
      { key: "from", value: "ACTIVE" },
      { key: "to", value: "DISABLED" },
    ]);
  });

  it("pages newest first by keyset: no entry twice or missed, whatever is written meanwhile", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    const region = (await createPlace(db)).regionId;
    const start = Date.now() - 60 * DAY;
    // Two entries share each second, so the id decides between them.
    await db.auditEntry.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        action: "auth.sign-in",
        targetType: "account",
        targetId: `paged-${i}`,
        regionId: region,
        createdAt: new Date(start + Math.floor(i / 2) * 1000),
      })),
    });
    const first = await findAuditEntries(admin.actor, { region }, null, "uk");
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    await recordAudit(db, { actorId: null, action: "auth.sign-in", targetType: "account", targetId: "paged-new", regionId: region });
    const second = await findAuditEntries(admin.actor, { region }, first.next, "uk");
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    const seen = [...first.rows, ...second.rows];
    expect(new Set(seen.map((r) => r.targetId)).size).toBe(AUDIT_PAGE_SIZE + 5);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id > b.id)).toBe(true);
    }
    expect((await findAuditEntries(admin.actor, { region }, null, "uk")).rows[0]!.targetId).toBe("paged-new");
  });

  it("reads the page's address one field at a time, dropping only what it cannot read", () => {
    expect(readAuditFilters({ who: " Ярина ", action: "auth.sign-in", from: "2026-03-01", to: "2026-03-31", region: "none" })).toEqual({
      filters: { who: "Ярина", action: "auth.sign-in", from: "2026-03-01", to: "2026-03-31", region: "none" },
      ignored: [],
    });
    expect(readAuditFilters({ who: "", action: "user.deleted-everything", from: "2026-02-30", to: ["a", "b"], region: "bad id!" })).toEqual({
      filters: {},
      ignored: ["action", "from", "to", "region"],
    });
    expect(readAuditFilters({ from: "2026-03-10", to: "2026-03-01" })).toEqual({ filters: { from: "2026-03-10" }, ignored: ["to"] });
  });

  it("exports the filtered entries as CSV, and records the export", async () => {
    const s = await story();
    await signInAs(s.admin.email);
    const response = await callRoute(exportRoute.GET, `/api/v1/audit/export?region=${s.here.regionId}&format=csv`, { method: "GET" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="skhodynky-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = String(response.json);
    expect(csv).toContain(s.yaryna.name);
    expect(csv).toContain(s.yaryna.email);
    expect(csv).toContain("mentorship.started");
    expect(csv).toContain("Почато наставництво");
    expect(csv).toContain(s.e1.createdAt.toISOString());
    expect(csv).not.toContain(s.petro.name);
    const exported = await db.auditEntry.findFirstOrThrow({ where: { action: "audit.exported", actorId: s.admin.id } });
    expect(exported).toMatchObject({ regionId: s.here.regionId, detail: expect.objectContaining({ format: "csv", rows: 2, byPerson: false }) });

    const refused = await callRoute(exportRoute.GET, `/api/v1/audit/export?from=2026-02-30`, { method: "GET" });
    expect(refused.status).toBe(400);
    signOutLocally();
  });

  it("the server function behind the export records it too, with how many entries left", async () => {
    const s = await story();
    const { rows } = await exportAuditEntries(s.admin.actor, { who: s.tag }, "csv", "en");
    expect(rows.map((r) => r.id)).toEqual([s.e2.id, s.e3.id, s.e1.id]);
    const exported = await db.auditEntry.findFirstOrThrow({ where: { action: "audit.exported", actorId: s.admin.id } });
    expect(exported).toMatchObject({ regionId: null, detail: expect.objectContaining({ rows: 3, byPerson: true }) });
    expect(JSON.stringify(exported)).not.toContain(s.tag);
  });
});

describe("only admins read or export the trail", () => {
  it("a methodologist, a curator and a learner cannot read it, list its regions or export it", async () => {
    for (const roles of [["METHODOLOGIST"], ["CURATOR", "LEARNER"], ["LEARNER"]] as Role[][]) {
      const who = await person(roles);
      await expectStatus(findAuditEntries(who.actor, {}, null, "uk"), 403);
      await expectStatus(listAuditRegions(who.actor, "uk"), 403);
      await expectStatus(exportAuditEntries(who.actor, {}, "csv", "uk"), 403);
      await signInAs(who.email);
      const response = await callRoute(exportRoute.GET, `/api/v1/audit/export?format=csv`, { method: "GET" });
      expect(response.status).toBe(403);
      expect(response.json.error?.code).toMatch(/^forbidden$|^second_factor_required$/);
      expect(String(response.json)).not.toContain("auth.sign-in");
      expect(await db.auditEntry.count({ where: { action: "audit.exported", actorId: who.id } })).toBe(0);
    }
    signOutLocally();
    expect((await callRoute(exportRoute.GET, `/api/v1/audit/export?format=csv`, { method: "GET" })).status).toBe(401);
  });

  it("an admin reads it and lists every region", async () => {
    const admin = await person(["ADMIN"], elsewhere);
    // An entry of this test's own, so the answer does not depend on which tests ran before.
    await recordAudit(db, { actorId: admin.actor.id, action: "user.sessions-ended", targetType: "User", targetId: admin.actor.id, regionId: place.regionId });
    const regions = await listAuditRegions(admin.actor, "uk");
    expect(regions.map((r) => r.id)).toEqual(expect.arrayContaining([place.regionId, elsewhere.regionId]));
    const rows = (await findAuditEntries(admin.actor, { region: place.regionId }, null, "uk")).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.region?.id === place.regionId)).toBe(true);
  });
});
