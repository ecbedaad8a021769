import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { getDb, type Role } from "../../server/db/client";
import { resetEnvCacheForTests } from "../../server/env";
import { claimJob, finishJob, JOB_LEASE_MS, registerJobs, runJobIfDue, type Job } from "../../server/jobs/runner";
import { purgeExpiredRecords, RETENTION_MS } from "../../server/jobs/retention";
import { sendMail } from "../../server/mail";
import { DIGEST_BATCH_SIZE, remindDueSoon, sendDueDigests } from "../../features/notifications/server/digests";
import { listBackgroundJobs } from "../../features/jobs/registry";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { resolveDoneAt, MAX_OFFLINE_AGE_MS } from "../../features/progress/completion-rules";
import { expectConsoleError } from "../setup/fail-on-console-error";

// The real sendMail (to the outbox), wrapped so a test can make one send fail.
vi.mock(import("../../server/mail"), async (original) => {
  const actual = await original();
  return { ...actual, sendMail: vi.fn(actual.sendMail) };
});

// Back to the real sendMail, even when a test stopped before its failing send.
afterEach(() => {
  vi.mocked(sendMail).mockReset();
});

/** An organization of its own for each test, so no test sees another's people. */
async function createOrganization(): Promise<{ id: string; tag: string }> {
  const tag = randomUUID().slice(0, 8);
  const region = await getDb().region.create({ data: { code: `r-${tag}`, nameUk: `Область ${tag}`, nameEn: `Region ${tag}` } });
  const hromada = await getDb().hromada.create({ data: { regionId: region.id, nameUk: `Громада ${tag}`, nameEn: `Hromada ${tag}` } });
  const org = await getDb().organization.create({ data: { hromadaId: hromada.id, name: `Центр ${tag}` } });
  return { id: org.id, tag };
}

async function createUser(organizationId: string, email: string, roles: Role[]) {
  return getDb().user.create({ data: { email, name: `Особа ${email.split("@")[0]}`, organizationId, roles: { create: roles.map((role) => ({ role })) } } });
}

function job(name: string, run: Job["run"] = async () => undefined, everyMs = 60_000): Job {
  return { name: `${name}-${randomUUID().slice(0, 8)}`, everyMs, run };
}

describe("jobs claimed across servers", () => {
  it("give a due period to exactly one of several concurrent claims", async () => {
    const j = job("race");
    const now = new Date();
    await registerJobs([j], now);
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimJob(j.name, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("run a period once when several servers try it at the same moment", async () => {
    let runs = 0;
    const j = job("run-once", async () => {
      runs += 1;
    });
    const now = new Date();
    await registerJobs([j], now);
    const outcomes = await Promise.all([runJobIfDue(j, now), runJobIfDue(j, now), runJobIfDue(j, now)]);
    expect(runs).toBe(1);
    expect(outcomes.sort()).toEqual(["not-claimed", "not-claimed", "ran"]);
    // The next period is due one interval after the claim, not before.
    expect(await runJobIfDue(j, new Date(now.getTime() + j.everyMs - 1))).toBe("not-claimed");
    expect(await runJobIfDue(j, new Date(now.getTime() + j.everyMs))).toBe("ran");
    expect(runs).toBe(2);
  });

  it("let another server take over a run whose server crashed once its lease lapses, and ignore the crashed run's late finish", async () => {
    const j = job("crash");
    const t0 = new Date();
    await registerJobs([j], t0);
    const crashed = await claimJob(j.name, t0);
    expect(crashed).not.toBeNull();
    expect(await claimJob(j.name, new Date(t0.getTime() + JOB_LEASE_MS - 1))).toBeNull();
    const later = new Date(t0.getTime() + JOB_LEASE_MS + 1);
    const takeover = await claimJob(j.name, later);
    expect(takeover).not.toBeNull();
    expect(await finishJob(j.name, crashed!, j.everyMs, t0, undefined)).toBe(false);
    expect(await finishJob(j.name, takeover!, j.everyMs, later, undefined)).toBe(true);
    const row = await getDb().scheduledJob.findUniqueOrThrow({ where: { name: j.name } });
    expect(row).toMatchObject({ claimedBy: takeover, leaseUntil: null, nextRunAt: new Date(later.getTime() + j.everyMs), lastError: null });
  });

  it("record a failed run by its error's name only and try again next period", async () => {
    const j = job("fails", async () => {
      throw new TypeError("contains olena@example.org");
    });
    const now = new Date();
    await registerJobs([j], now);
    expectConsoleError();
    expect(await runJobIfDue(j, now)).toBe("failed");
    const row = await getDb().scheduledJob.findUniqueOrThrow({ where: { name: j.name } });
    expect(row).toMatchObject({ lastError: "TypeError", leaseUntil: null, nextRunAt: new Date(now.getTime() + j.everyMs) });
  });

  it("are reminders (assignments, workshops), scheduled publication, digests and the daily purge, at the configured interval", () => {
    const saved = process.env.JOB_INTERVAL_MS;
    process.env.JOB_INTERVAL_MS = "2000";
    resetEnvCacheForTests();
    try {
      expect(listBackgroundJobs().map((j) => [j.name, j.everyMs])).toEqual([
        ["assignments.remind-due-soon", 2000],
        ["authoring.publish-due", 2000],
        ["workshops.remind-tomorrow", 2000],
        ["notifications.send-digests", 2000],
        ["data.purge-expired", 86_400_000],
      ]);
    } finally {
      if (saved === undefined) delete process.env.JOB_INTERVAL_MS;
      else process.env.JOB_INTERVAL_MS = saved;
      resetEnvCacheForTests();
    }
  });
});

describe("each send is claimed before it goes out", () => {
  it("reminds a learner once when two runs race", async () => {
    const db = getDb();
    const org = await createOrganization();
    const curator = await createUser(org.id, `curator-${org.tag}@jobs.test`, ["CURATOR", "LEARNER"]);
    const learner = await createUser(org.id, `learner-${org.tag}@jobs.test`, ["LEARNER"]);
    await db.mentorship.create({ data: { curatorId: curator.id, menteeId: learner.id } });
    const now = new Date();
    await db.assignment.create({
      data: { curatorId: curator.id, learnerId: learner.id, kind: "lesson", targetId: "strong-passwords", dueOn: addDays(kyivDay(now), 1) },
    });
    await Promise.all([remindDueSoon(now), remindDueSoon(now), remindDueSoon(now)]);
    expect(await db.notification.count({ where: { userId: learner.id, kind: "assignment.dueSoon" } })).toBe(1);
    expect(await remindDueSoon(now)).toBe(0);
  });

  it("sends one digest when two runs race", async () => {
    const db = getDb();
    const org = await createOrganization();
    const curator = await createUser(org.id, `curator-${org.tag}@jobs.test`, ["CURATOR", "LEARNER"]);
    await db.notification.create({ data: { userId: curator.id, kind: "request.new", data: { actorName: "Олена" }, href: "/curator" } });
    const now = new Date();
    await Promise.all([sendDueDigests(now), sendDueDigests(now), sendDueDigests(now)]);
    expect(await db.outboxMail.count({ where: { to: curator.email } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: curator.id } })).digestSentAt).toEqual(now);
  });

  it("gives a digest back to the next run when its mail could not be sent", async () => {
    const db = getDb();
    const org = await createOrganization();
    const curator = await createUser(org.id, `curator-${org.tag}@jobs.test`, ["CURATOR", "LEARNER"]);
    await db.notification.create({ data: { userId: curator.id, kind: "request.new", data: { actorName: "Олена" }, href: "/curator" } });
    vi.mocked(sendMail).mockRejectedValueOnce(new Error("SMTP down"));
    await expect(sendDueDigests(new Date())).rejects.toThrow("SMTP down");
    expect((await db.user.findUniqueOrThrow({ where: { id: curator.id } })).digestSentAt).toBeNull();
    await sendDueDigests(new Date());
    expect(await db.outboxMail.count({ where: { to: curator.email } })).toBe(1);
  });

  it("reads people in batches, with their notifications in one query per batch", async () => {
    const db = getDb();
    const org = await createOrganization();
    const people = 2 * DIGEST_BATCH_SIZE + 5;
    const emails = Array.from({ length: people }, (_, i) => `batch-${i}-${org.tag}@jobs.test`);
    await db.user.createMany({ data: emails.map((email) => ({ email, name: "Куратор", organizationId: org.id })) });
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    await db.userRole.createMany({ data: users.map((u) => ({ userId: u.id, role: "CURATOR" as const })) });
    await db.notification.createMany({ data: users.map((u) => ({ userId: u.id, kind: "request.new", data: { actorName: "Олена" }, href: "/curator" })) });
    const withUnread = await db.user.count({ where: { status: "ACTIVE", notifications: { some: { readAt: null } } } });
    // Prisma's model delegates are proxies that vi.spyOn cannot restore: count the calls by hand.
    const readUsers = db.user.findMany;
    const readNotifications = db.notification.findMany;
    const reads = { users: 0, notifications: 0 };
    db.user.findMany = ((...args: Parameters<typeof readUsers>) => ((reads.users += 1), readUsers(...args))) as typeof readUsers;
    db.notification.findMany = ((...args: Parameters<typeof readNotifications>) => (
      (reads.notifications += 1),
      readNotifications(...args)
    )) as typeof readNotifications;
    try {
      await sendDueDigests(new Date());
    } finally {
      db.user.findMany = readUsers;
      db.notification.findMany = readNotifications;
    }
    expect(reads.notifications).toBeLessThanOrEqual(Math.ceil(withUnread / DIGEST_BATCH_SIZE));
    expect(reads.users).toBeLessThanOrEqual(Math.floor(withUnread / DIGEST_BATCH_SIZE) + 1);
    expect(await db.outboxMail.count({ where: { to: { in: emails } } })).toBe(people);
  });
});

describe("the daily purge", () => {
  const MINUTE = 60_000;

  it("deletes idempotency records, sign-in failures, outbox mail and read notifications past their periods, and keeps the rest", async () => {
    const db = getDb();
    const org = await createOrganization();
    const person = await createUser(org.id, `purge-${org.tag}@jobs.test`, ["LEARNER"]);
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const tag = org.tag;

    for (const [key, age] of [
      [`old-${tag}`, RETENTION_MS.idempotencyRecord + MINUTE],
      [`new-${tag}`, RETENTION_MS.idempotencyRecord - MINUTE],
    ] as const) {
      await db.idempotencyRecord.create({
        data: { scope: person.id, key, userId: person.id, method: "POST", path: "/api/v1/x", requestHash: "h", status: 201, createdAt: ago(age) },
      });
    }
    for (const [ip, age] of [
      ["old", RETENTION_MS.signInFailure + MINUTE],
      ["new", RETENTION_MS.signInFailure - MINUTE],
    ] as const) {
      await db.signInFailure.create({ data: { email: person.email, ip, createdAt: ago(age) } });
    }
    for (const [subject, age] of [
      ["old", RETENTION_MS.outboxMail + MINUTE],
      ["new", RETENTION_MS.outboxMail - MINUTE],
    ] as const) {
      await db.outboxMail.create({ data: { to: person.email, subject, text: "…", createdAt: ago(age) } });
    }
    const note = (href: string, age: number, read: boolean) =>
      db.notification.create({
        data: { userId: person.id, kind: "request.new", data: { actorName: "Олена" }, href, createdAt: ago(age), readAt: read ? ago(age - MINUTE) : null },
      });
    await note("/old-read", RETENTION_MS.readNotification + MINUTE, true);
    await note("/new-read", RETENTION_MS.readNotification - MINUTE, true);
    await note("/old-unread", RETENTION_MS.readNotification + MINUTE, false);
    // Signed-in devices: kept a month after they ended, however they ended; one in use stays.
    const HOUR = 60 * MINUTE;
    const device = (userAgent: string, session: { createdAt: number; lastSeenAt: number; revokedAt?: number }) =>
      db.userSession.create({
        data: {
          userId: person.id,
          userAgent,
          createdAt: ago(session.createdAt),
          lastSeenAt: ago(session.lastSeenAt),
          revokedAt: session.revokedAt === undefined ? null : ago(session.revokedAt),
        },
      });
    const ended = RETENTION_MS.endedSession;
    await device("signed-out-long-ago", { createdAt: ended + 2 * HOUR, lastSeenAt: ended + 2 * HOUR, revokedAt: ended + HOUR });
    await device("signed-out-lately", { createdAt: ended, lastSeenAt: ended - HOUR, revokedAt: ended - 2 * HOUR });
    await device("idle-long-ago", { createdAt: ended + 10 * HOUR, lastSeenAt: ended + 9 * HOUR });
    await device("idle-lately", { createdAt: ended + 2 * HOUR, lastSeenAt: ended + HOUR });
    await device("in-use", { createdAt: 3 * HOUR, lastSeenAt: MINUTE });

    await purgeExpiredRecords(now);

    expect((await db.idempotencyRecord.findMany({ where: { scope: person.id } })).map((r) => r.key)).toEqual([`new-${tag}`]);
    expect((await db.signInFailure.findMany({ where: { email: person.email } })).map((r) => r.ip)).toEqual(["new"]);
    expect((await db.outboxMail.findMany({ where: { to: person.email } })).map((r) => r.subject)).toEqual(["new"]);
    expect((await db.notification.findMany({ where: { userId: person.id }, orderBy: { href: "asc" } })).map((r) => r.href)).toEqual([
      "/new-read",
      "/old-unread",
    ]);
    expect((await db.userSession.findMany({ where: { userId: person.id }, orderBy: { userAgent: "asc" } })).map((r) => r.userAgent)).toEqual([
      "idle-lately",
      "in-use",
      "signed-out-lately",
    ]);
  });

  it("keeps idempotency records longer than finished work counts on its own day", () => {
    // Within the week a replay must meet its record (or it would count twice on a past day);
    // after the purge a late replay can only count today.
    expect(RETENTION_MS.idempotencyRecord).toBeGreaterThan(MAX_OFFLINE_AGE_MS);
    const now = new Date();
    const outlived = new Date(now.getTime() - RETENTION_MS.idempotencyRecord - 60_000).toISOString();
    expect(resolveDoneAt(outlived, now)).toEqual(now);
  });
});
