import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { AppError } from "../../server/errors";
import { MESSAGES } from "../../server/i18n";
import { verifySignIn } from "../../server/auth/sign-in";
import { createUserSession } from "../../server/auth/user-sessions";
import { resolveSessionState } from "../../server/auth/current-user";
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "../../server/env";
import { kyivDay } from "../../lib/kyiv-calendar";
import { eraseUser } from "../../features/accounts/server/erase-user";
import { manageUser } from "../../features/accounts/server/manage-user";
import { getErasureTarget } from "../../features/accounts/server/get-erasure-target";
import { requestPasswordReset } from "../../features/accounts/server/password-reset";
import { createInvitations } from "../../features/accounts/server/create-invitations";
import { acceptInvitation } from "../../features/accounts/server/accept-invitation";
import { ERASED_NAME, erasedEmail } from "../../features/accounts/erased";
import { findUsers, getDirectory } from "../../features/admin/server/queries";
import { getThread } from "../../features/community/server/get-thread";
import { listThreads } from "../../features/community/server/list-threads";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { getReport } from "../../features/competences/server/report";
import { getActivityReport, type ActivityReport } from "../../features/activity-report/server/get-activity-report";
import type { ReportTable } from "../../server/reports/export-tables";
import { actorFromDb } from "../factories/actors";
import { createMentorship, createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { createPersonWithData, type PersonWithData } from "../factories/personal-data";
import { insertSubmittedAssessment, shortFormAnswers } from "../factories/assessments";
import { createWorkshop } from "../factories/workshops";
import { getFramework } from "../../features/competences/server/framework";
import { callRoute, signInAs } from "../helpers/api";
import * as eraseRoute from "../../app/api/v1/users/[id]/erase/route";

/**
 * Erasure on request (issue 15, decision 051): an admin erases a person; the account becomes an
 * anonymous tombstone, what identifies or reaches the person goes, their assessments and learning
 * stay so that the region's report is unchanged in its counts, and their forum posts stay as a
 * former member's. Runs on PGlite and on PostgreSQL.
 */

const db = getDb();
const DAY = 24 * 3600_000;
const actorOf = (person: { id: string }) => actorFromDb(db, { id: person.id });

let place: TestPlace;
let admin: TestPerson;

beforeAll(async () => {
  place = await createPlace(db);
  admin = await createPerson(db, { organizationId: place.organizationId, roles: ["ADMIN"] });
});

/** Every string anywhere in a value (keys and values), to look for a person's name or address. */
const text = (value: unknown) => JSON.stringify(value);

describe("erasing a person", () => {
  let w: PersonWithData;
  let before: { learning: number[]; submitted: number; posts: number; activityDays: number };
  let handle: string;

  beforeAll(async () => {
    w = await createPersonWithData(db, place);
    // Someone replies in their thread, mentioning them by handle and quoting them (through the app, as rendered on write).
    handle = (await db.user.findUniqueOrThrow({ where: { id: w.person.id }, select: { handle: true } })).handle;
    await replyToThread(await actorOf(w.curator), w.threadId, {
      body: `Дякую, @${handle}. Ви писали:\n\n> [quote:${w.postId}]\n> Мій допис\n\nЗгодна.`,
      confirmNoClientData: true,
    });
    const me = w.person.id;
    before = {
      learning: await Promise.all([
        db.lessonProgress.count({ where: { userId: me } }),
        db.quizAnswer.count({ where: { userId: me } }),
        db.reviewCard.count({ where: { userId: me } }),
        db.learningActivity.count({ where: { userId: me } }),
        db.walkthroughProgress.count({ where: { userId: me } }),
        db.walkthroughReport.count({ where: { userId: me } }),
      ]),
      submitted: await db.assessment.count({ where: { userId: me, status: "SUBMITTED" } }),
      posts: await db.post.count({ where: { authorId: me } }),
      activityDays: await db.activityDay.count({ where: { userId: me } }),
    };
    expect(before.learning.every((n) => n > 0)).toBe(true);
    await eraseUser(await actorOf(admin), me, `  ${w.person.email.toUpperCase()} `);
  });

  it("leaves an anonymous tombstone: no name, address, handle, position, password or roles", async () => {
    const row = await db.user.findUniqueOrThrow({ where: { id: w.person.id }, include: { roles: true } });
    expect(row).toMatchObject({
      status: "ERASED",
      name: ERASED_NAME,
      email: erasedEmail(w.person.id),
      position: "",
      passwordHash: null,
      digest: null,
      roles: [],
    });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(row.handle).toMatch(/^erased-/);
    expect(text(row)).not.toContain(w.person.name);
  });

  it("removes what reaches or is private to the person, and what others wrote about them only", async () => {
    const me = w.person.id;
    const email = { equals: w.person.email, mode: "insensitive" as const };
    const counts = await Promise.all([
      db.userSession.count({ where: { userId: me } }),
      db.secondFactor.count({ where: { userId: me } }),
      db.recoveryCode.count({ where: { userId: me } }),
      db.passwordResetToken.count({ where: { userId: me } }),
      db.idempotencyRecord.count({ where: { userId: me } }),
      db.invitation.count({ where: { email } }),
      db.outboxMail.count({ where: { to: email } }),
      db.signInFailure.count({ where: { email } }),
      db.notification.count({ where: { userId: me } }),
      db.feedbackMessage.count({ where: { menteeId: me } }),
      db.curatorRequest.count({ where: { learnerId: me } }),
      db.assignment.count({ where: { learnerId: me } }),
      db.assessment.count({ where: { userId: me, status: "DRAFT" } }),
      db.ratingReview.count({ where: { assessment: { userId: me } } }),
      db.assessmentRating.count({ where: { assessment: { userId: me }, note: { not: null } } }),
      db.postDraft.count({ where: { userId: me } }),
      db.threadRead.count({ where: { userId: me } }),
      db.threadFollow.count({ where: { userId: me } }),
      db.spaceMember.count({ where: { userId: me } }),
      db.groupAdmission.count({ where: { userId: me } }),
      db.mentorship.count({ where: { OR: [{ menteeId: me }, { curatorId: me }], endedAt: null } }),
    ]);
    expect(counts).toEqual(counts.map(() => 0));
  });

  it("keeps their learning, submitted assessments and posts, and what others keep of their work", async () => {
    const me = w.person.id;
    expect(
      await Promise.all([
        db.lessonProgress.count({ where: { userId: me } }),
        db.quizAnswer.count({ where: { userId: me } }),
        db.reviewCard.count({ where: { userId: me } }),
        db.learningActivity.count({ where: { userId: me } }),
        db.walkthroughProgress.count({ where: { userId: me } }),
        db.walkthroughReport.count({ where: { userId: me } }),
      ]),
    ).toEqual(before.learning);
    expect(await db.assessment.count({ where: { userId: me, status: "SUBMITTED" } })).toBe(before.submitted);
    expect(await db.activityDay.count({ where: { userId: me } })).toBe(before.activityDays);
    expect(await db.post.count({ where: { authorId: me } })).toBe(before.posts);
    // Their mentee keeps their thread with them, and the review they wrote on the mentee's self-rating.
    expect(await db.feedbackMessage.count({ where: { curatorId: me, menteeId: w.mentee.id } })).toBe(2);
    expect(await db.ratingReview.count({ where: { curatorId: me } })).toBe(1);
    // Mentorships ended, not removed: the history stays.
    expect(await db.mentorship.count({ where: { OR: [{ menteeId: me }, { curatorId: me }] } })).toBe(2);
  });

  it("gives up a seat at a workshop still to come to the first person waiting, and keeps attendance of a past one", async () => {
    const upcoming = await db.workshopRegistration.findMany({ where: { workshopId: w.upcomingWorkshopId }, select: { userId: true, status: true } });
    expect(upcoming).toEqual(
      expect.arrayContaining([
        { userId: w.person.id, status: "CANCELLED" },
        { userId: w.mentee.id, status: "REGISTERED" },
      ]),
    );
    expect(
      await db.workshopRegistration.findFirst({ where: { workshopId: w.pastWorkshopId, userId: w.person.id }, select: { status: true, attended: true } }),
    ).toEqual({
      status: "REGISTERED",
      attended: true,
    });
  });

  it("shows their posts as a former member's, and other people's posts no longer name them", async () => {
    const reader = await actorOf(w.admin);
    const thread = await getThread(reader, w.threadId);
    const posts = [thread.question!, ...thread.replies];
    const mine = posts.find((p) => p.id === w.postId)!;
    expect(mine.authorName).toBeNull();
    const reply = posts.find((p) => p.id !== w.postId && p.id !== w.otherPostId)!;
    expect(reply.html).toContain("колишній учасник");
    expect(reply.html).toContain(`post-${w.postId}`);
    const stored = await db.post.findUniqueOrThrow({ where: { id: reply.id }, select: { body: true } });
    expect(stored.body).toContain("колишній учасник");
    const space = await db.communitySpace.findUniqueOrThrow({ where: { id: w.spaceId }, select: { slug: true } });
    const list = await listThreads(reader, space.slug);
    expect(list.threads.find((t) => t.id === w.threadId)!.authorName).toBeNull();
    for (const shown of [thread, list]) {
      expect(text(shown)).not.toContain(w.person.name);
      expect(text(shown)).not.toContain(w.person.email);
      expect(text(shown)).not.toContain(`@${handle}`);
    }
    // Their handle, old or new, mentions nobody any more.
    const tombstone = await db.user.findUniqueOrThrow({ where: { id: w.person.id }, select: { handle: true } });
    const later = await replyToThread(await actorOf(w.curator), w.threadId, { body: `Хто пам'ятає @${tombstone.handle} чи @${handle}?` });
    const laterHtml = (await db.post.findUniqueOrThrow({ where: { id: later.id }, select: { html: true } })).html;
    expect(laterHtml).not.toContain('class="mention"');
    expect(await db.notification.count({ where: { userId: w.person.id } })).toBe(0);
    // The notification their curator kept names them no more.
    const kept = await db.notification.findMany({ where: { userId: w.curator.id }, select: { data: true } });
    expect(text(kept)).not.toContain(w.person.name);
  });

  it("leaves the admin's list of people and the directory's counts, and records who erased them", async () => {
    const actor = await actorOf(admin);
    for (const query of ["", w.person.name, w.person.email, ERASED_NAME]) {
      const { rows } = await findUsers(actor, query, 1);
      expect(text(rows)).not.toContain(w.person.name);
      expect(rows.some((r) => r.id === w.person.id)).toBe(false);
    }
    const directory = await getDirectory(actor, "uk");
    const organization = directory.flatMap((r) => r.hromadas.flatMap((h) => h.organizations)).find((o) => o.id === place.organizationId)!;
    expect(organization.people).toBe(await db.user.count({ where: { organizationId: place.organizationId, status: { not: "ERASED" } } }));
    const entries = await db.auditEntry.findMany({ where: { action: "user.erased", targetId: w.person.id } });
    expect(entries).toMatchObject([{ actorId: admin.id, targetType: "User", regionId: place.regionId }]);
    expect(text(entries)).not.toContain(w.person.email);
  });
});

describe("an erased account", () => {
  it("can never sign in, by its old address or its new one, and its open sessions end", async () => {
    const person = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"], password: "довга-фраза-для-входу-тест" });
    const sid = await createUserSession(person.id, { userAgent: "vitest" });
    const token = await encode({ token: { uid: person.id, sv: 1, authTime: Math.floor(Date.now() / 1000), sid }, secret: getAuthSecret() });
    expect(await resolveSessionState(token)).not.toBeNull();

    await eraseUser(await actorOf(admin), person.id, person.email);

    expect(await resolveSessionState(token)).toBeNull();
    expect(await verifySignIn(person.email, person.password, "10.0.0.9")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(erasedEmail(person.id), person.password, "10.0.0.9")).toEqual({ ok: false, reason: "invalid" });
    await requestPasswordReset(erasedEmail(person.id));
    await requestPasswordReset(person.email);
    expect(await db.outboxMail.count({ where: { to: { in: [person.email, erasedEmail(person.id)] } } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: person.id } })).toBe(0);
  });

  it("is never made active again; the person comes back only as a new account with a new id", async () => {
    const person = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    const actor = await actorOf(admin);
    await eraseUser(actor, person.id, person.email);

    await expect(manageUser(actor, person.id, "enable")).rejects.toMatchObject({ status: 409 });
    // Whoever writes, the database keeps it erased (and without a password).
    await expect(db.user.update({ where: { id: person.id }, data: { status: "ACTIVE" } })).rejects.toThrow();
    await expect(db.user.update({ where: { id: person.id }, data: { status: "DISABLED" } })).rejects.toThrow();
    await expect(db.user.update({ where: { id: person.id }, data: { passwordHash: "x" } })).rejects.toThrow();

    const [invitation] = await createInvitations(actor, [
      { email: person.email, name: "Повернулася", position: "", organizationId: place.organizationId, roles: ["LEARNER"], locale: "uk" },
    ]);
    expect(invitation!.email).toBe(person.email);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: person.email }, orderBy: { createdAt: "desc" } });
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
    await acceptInvitation(token, "нова-довга-фраза-для-входу");
    const back = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true, status: true } });
    expect(back.status).toBe("ACTIVE");
    expect(back.id).not.toBe(person.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { status: true, email: true } })).toEqual({
      status: "ERASED",
      email: erasedEmail(person.id),
    });
  });
});

describe("who may erase", () => {
  it("admins only, never themselves, after typing the person's address; a second erasure is 409", async () => {
    const methodologist = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    const person = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    const otherAdmin = await createPerson(db, { organizationId: place.organizationId, roles: ["ADMIN"] });
    const actor = await actorOf(admin);
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: AppError) => ({ status: e.status, fields: e.fields }),
      );

    expect(await refusal(eraseUser(await actorOf(methodologist), person.id, person.email))).toMatchObject({ status: 403 });
    expect(await refusal(eraseUser(await actorOf(person), person.id, person.email))).toMatchObject({ status: 403 });
    expect(await refusal(eraseUser(actor, admin.id, admin.email))).toMatchObject({ status: 403 });
    expect(await refusal(getErasureTarget(actor, admin.id))).toMatchObject({ status: 403 });
    expect(await refusal(eraseUser(actor, "cnotauser0000000000000000", person.email))).toMatchObject({ status: 404 });
    expect(await refusal(eraseUser(actor, person.id, otherAdmin.email))).toMatchObject({ status: 400, fields: { email: ["errors.erasureEmailMismatch"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("ACTIVE");

    // An admin may erase another admin.
    await eraseUser(actor, otherAdmin.id, otherAdmin.email);
    expect((await db.user.findUniqueOrThrow({ where: { id: otherAdmin.id } })).status).toBe("ERASED");
    await eraseUser(actor, person.id, person.email);
    expect(await refusal(eraseUser(actor, person.id, person.email))).toMatchObject({ status: 409 });
    expect((await getErasureTarget(actor, person.id)).erased).toBe(true);
  });

  it("two erasures at once: exactly one happens, the other is told it already has", async () => {
    const person = await createPersonWithData(db, place);
    const actor = await actorOf(admin);
    const results = await Promise.allSettled([
      eraseUser(actor, person.person.id, person.person.email),
      eraseUser(actor, person.person.id, person.person.email),
      eraseUser(actor, person.person.id, person.person.email),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, message: "errors.userAlreadyErased" });
    }
    expect(await db.auditEntry.count({ where: { action: "user.erased", targetId: person.person.id } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.person.id }, select: { status: true, name: true } })).toEqual({
      status: "ERASED",
      name: ERASED_NAME,
    });
  });

  it("through the API: JSON, or a plain form that returns to the list of people", async () => {
    const json = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    const form = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    await signInAs(admin.email);
    const path = (id: string) => `/api/v1/users/${id}/erase`;
    const ok = await callRoute(eraseRoute.POST, path(json.id), { body: { email: json.email }, params: { id: json.id } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ erased: true, userId: json.id });
    expect((await callRoute(eraseRoute.POST, path(json.id), { body: { email: json.email }, params: { id: json.id } })).status).toBe(409);

    const posted = await callRoute(eraseRoute.POST, path(form.id), {
      rawBody: new URLSearchParams({ email: form.email, next: "/admin/users?erased=1" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      params: { id: form.id },
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe("/admin/users?erased=1");
    expect((await db.user.findUniqueOrThrow({ where: { id: form.id } })).status).toBe("ERASED");
  });
});

describe("the region's report", () => {
  type Row = (string | number)[];
  const tables = (report: ActivityReport) => new Map(report.tables.map((t: ReportTable) => [t.id, t.rows as Row[]]));

  it("is unchanged in its counts when a person is erased, and never names them", async () => {
    const region = await createPlace(db);
    const methodologist = await createPerson(db, { organizationId: region.organizationId, roles: ["METHODOLOGIST"] });
    const curator = await createPerson(db, { organizationId: region.organizationId, roles: ["CURATOR"] });
    const learners = await Promise.all(Array.from({ length: 7 }, () => createPerson(db, { organizationId: region.organizationId, roles: ["LEARNER"] })));
    const erased = learners[0]!;
    await createMentorship(db, curator.id, erased.id);
    await createMentorship(db, curator.id, learners[1]!.id);

    const now = new Date();
    const fw = getFramework(1);
    const answersAt = (level: (areaId: string) => number) => {
      const answers = shortFormAnswers(fw, level);
      return { ...answers, purposes: answers.purposes as Record<string, "OFTEN"> };
    };
    for (const [i, learner] of learners.entries()) {
      for (const weeksAgo of [12, 1]) {
        await insertSubmittedAssessment(db, {
          userId: learner.id,
          regionId: region.regionId,
          hromadaId: region.hromadaId,
          organizationId: region.organizationId,
          submittedAt: new Date(now.getTime() - weeksAgo * 7 * DAY - i * 3600_000),
          ...answersAt((area) => ((i + area.length + weeksAgo) % 6) + 1),
        });
      }
      for (const [k, daysAgo] of [1, 3, 3, 8].entries()) {
        if (k > i) break;
        const at = new Date(now.getTime() - daysAgo * DAY);
        await db.learningActivity.create({
          data: {
            userId: learner.id,
            kind: k % 2 ? "review" : "lesson",
            contentId: k % 2 ? "recognise-phishing" : "strong-passwords",
            day: kyivDay(at),
            seconds: 120 + i,
            at,
          },
        });
      }
    }
    await db.learningActivity.create({ data: { userId: erased.id, kind: "walkthrough", contentId: "diia-sign-in", day: kyivDay(now), seconds: 300, at: now } });
    await db.walkthroughProgress.create({ data: { userId: erased.id, walkthroughId: "diia-sign-in", step: 2 } });
    await db.walkthroughProgress.create({ data: { userId: learners[2]!.id, walkthroughId: "diia-sign-in", step: 2 } });
    await db.walkthroughReport.create({ data: { walkthroughId: "diia-sign-in", stepId: "open", kind: "stuck", userId: erased.id, regionId: region.regionId } });
    await createWorkshop(db, {
      createdById: methodologist.id,
      regionId: region.regionId,
      startsAt: new Date(now.getTime() - 2 * DAY),
      registrantIds: learners.map((l) => l.id),
      attendedIds: [erased.id, learners[3]!.id],
    });

    const reader = await actorOf(methodologist);
    const query = { from: kyivDay(new Date(now.getTime() - 20 * DAY)), to: kyivDay(now) };
    const competences = () => getReport(reader, { scope: "region", id: region.regionId }, "uk");
    const hromada = () => getReport(reader, { scope: "hromada", id: region.hromadaId }, "uk");
    const activity = () => getActivityReport(reader, query, "uk", now);
    const [competencesBefore, hromadaBefore, activityBefore] = [await competences(), await hromada(), await activity()];
    expect(competencesBefore.suppressed).toBe(false);
    expect(activityBefore.suppressed).toBe(false);

    await eraseUser(await actorOf(admin), erased.id, erased.email);
    const [competencesAfter, hromadaAfter, activityAfter] = [await competences(), await hromada(), await activity()];

    // The competency report, every figure: respondents, levels, purposes, tools, quarters, hromadas.
    expect(competencesAfter).toEqual(competencesBefore);
    expect(hromadaAfter).toEqual(hromadaBefore);

    // The activity report: everything learned, finished, reviewed, reported and attended is as it was.
    const a = tables(activityBefore);
    const b = tables(activityAfter);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const headcounts = ["summary", "byHromada", "byOrganization", "curators"];
    const learning = [...a.keys()].filter((id) => !headcounts.includes(id));
    expect(learning).toEqual(expect.arrayContaining(["byDay", "byWeek", "byMonth", "lessonsMost", "guides", "stuckSteps", "workshops"]));
    for (const id of learning) expect(b.get(id), id).toEqual(a.get(id));
    expect(a.get("stuckSteps")!.length).toBeGreaterThan(0);
    const m = MESSAGES.uk.activityReport;
    const summaryRow = (rows: Row[], label: string) => rows.find((r) => r[0] === label);
    const learningFigures = [m.activeLearnersInPeriod, m.lessonsFinished, m.guidesFinished, m.itemsReviewed, m.minutes];
    for (const label of learningFigures) expect(summaryRow(b.get("summary")!, label), label).toEqual(summaryRow(a.get("summary")!, label));
    // Who is on the roll now is a count of accounts: the erased person has left it, as a person who
    // leaves does, and their mentorship has ended (decision 051).
    expect(summaryRow(b.get("summary")!, m.learners)![1]).toBe((summaryRow(a.get("summary")!, m.learners)![1] as number) - 1);
    expect(summaryRow(b.get("summary")!, m.learnersWithCurator)![1]).toBe((summaryRow(a.get("summary")!, m.learnersWithCurator)![1] as number) - 1);
    expect(summaryRow(b.get("summary")!, m.learnersWithoutCurator)).toEqual(summaryRow(a.get("summary")!, m.learnersWithoutCurator));
    // Per hromada and organization, the same: activity as before, one learner fewer on the roll.
    for (const id of ["byHromada", "byOrganization"]) {
      const labels = id === "byHromada" ? 1 : 2;
      const [rowBefore] = a.get(id)!.filter((r) => r[0] === (id === "byHromada" ? region.hromadaName : region.organizationName));
      const [rowAfter] = b.get(id)!.filter((r) => r[0] === (id === "byHromada" ? region.hromadaName : region.organizationName));
      expect(rowAfter![labels]).toBe((rowBefore![labels] as number) - 1);
      expect(rowAfter!.slice(labels + 1, labels + 2)).toEqual(rowBefore!.slice(labels + 1, labels + 2));
      expect(rowAfter!.slice(labels + 3)).toEqual(rowBefore!.slice(labels + 3));
    }

    const load = (rows: Row[]) => rows.find((r) => r[0] === curator.name)![2];
    expect(load(b.get("curators")!)).toBe((load(a.get("curators")!) as number) - 1);

    for (const report of [competencesAfter, hromadaAfter, activityAfter]) {
      expect(text(report)).not.toContain(erased.name);
      expect(text(report)).not.toContain(erased.email);
    }
  });
});
