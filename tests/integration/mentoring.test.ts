import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { insertSubmittedAssessment } from "../factories/assessments";
import { createMentorship, createPerson, createPlace, type TestPerson } from "../factories/people";
import { hashPassword } from "../../server/auth/password";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { getToday } from "../../features/progress/server/get-today";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "../../features/notifications/server/centre";
import { getCaseload, getMenteeWork } from "../../features/mentoring/server/caseload";
import { getAssignOptions } from "../../features/mentoring/server/assign-options";
import { getWalkthrough } from "../../features/walkthroughs/server/catalog";
import * as assignments from "../../app/api/v1/assignments/route";
import * as assignment from "../../app/api/v1/assignments/[id]/route";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import * as guideCompletion from "../../app/api/v1/walkthroughs/[id]/completion/route";
import * as read from "../../app/api/v1/notifications/read/route";
import * as pair from "../../app/api/v1/mentorships/route";
import * as importPairs from "../../app/api/v1/mentorships/import/route";
import * as endPair from "../../app/api/v1/mentorships/[id]/end/route";
import * as feedback from "../../app/api/v1/feedback/route";
import * as markRead from "../../app/api/v1/feedback/[curatorId]/[menteeId]/read/route";
import * as requests from "../../app/api/v1/curator-requests/route";
import * as decision from "../../app/api/v1/curator-requests/[id]/decision/route";
import { curatorsToAsk, pendingRequests } from "../../features/mentoring/server/requests";
import { getFeedbackThread } from "../../features/mentoring/server/feedback";

// Demo people, only ever read here: someone outside the team a test makes for itself.
const CURATOR = "curator@demo.skhodynky.org";
const LEARNER = "learner@demo.skhodynky.org";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/**
 * People of a region of this test's own: a methodologist, a curator with `mentees` current
 * mentees, and `unpaired` learners without a curator. Tests here change mentorships, capacities
 * and notifications, so each makes its own team and none depends on what another left behind.
 */
async function createTeam({ mentees = 1, unpaired = 0 } = {}) {
  const db = getDb();
  const place = await createPlace(db);
  const person = (roles: Role[]) => createPerson(db, { organizationId: place.organizationId, roles, password: "team-password-2026" });
  const methodologist = await person(["METHODOLOGIST"]);
  const curator = await person(["CURATOR", "LEARNER"]);
  const team = { place, methodologist, curator, mentees: [] as TestPerson[], unpaired: [] as TestPerson[] };
  for (let i = 0; i < mentees; i++) {
    const mentee = await person(["LEARNER"]);
    await createMentorship(db, curator.id, mentee.id);
    team.mentees.push(mentee);
  }
  for (let i = 0; i < unpaired; i++) team.unpaired.push(await person(["LEARNER"]));
  return team;
}

describe("a curator's assignments", () => {
  it("reach the mentee first on Today with a notification; completing them tells the curator", async () => {
    const team = await createTeam();
    const learnerId = team.mentees[0]!.id;
    const curator = await actorFor(team.curator.email);
    const dueOn = addDays(kyivDay(new Date()), 3);
    const created = await callRoute(assignments.POST, "/api/v1/assignments", {
      body: { learnerId, kind: "lesson", targetId: "recognise-phishing", dueOn, message: "Обговоримо на нараді в четвер" },
      headers: { "idempotency-key": "assign-1" },
    });
    expect(created.status).toBe(201);

    const learner = await actorFor(team.mentees[0]!.email);
    const today = await getToday(learner, "uk");
    expect(today.pick).toMatchObject({
      id: "recognise-phishing",
      href: "/lessons/recognise-phishing",
      reason: "assigned",
      dueOn,
      message: "Обговоримо на нараді в четвер",
    });
    expect(await unreadNotificationCount(learner)).toBe(1);
    expect((await listNotifications(learner, "uk"))[0]).toMatchObject({
      kind: "assignment.new",
      title: "«Вам нараховано допомогу»: як розпізнати шахрайське повідомлення",
      dueOn,
      read: false,
    });

    await callRoute(completion.POST, "/x", { params: { id: "recognise-phishing" }, body: { minutes: 5 } });
    expect((await getToday(learner, "uk")).pick?.reason).not.toBe("assigned");
    const [done] = await listNotifications(curator, "uk");
    expect(done).toMatchObject({ kind: "assignment.completed", href: `/curator/mentees/${learnerId}`, read: false });
    expect(done!.actorName).toBe((await getDb().user.findUniqueOrThrow({ where: { id: learnerId } })).name);
    const row = (await getCaseload(curator)).find((r) => r.id === learnerId)!;
    expect(row.assignments).toEqual({ done: 1, due: 0, overdue: 0 });
    expect(row.week.lessons).toBe(1);
  });

  it("may be a walkthrough, and are marked done when the guide is finished", async () => {
    const team = await createTeam();
    const learnerId = team.mentees[0]!.id;
    await signInAs(team.curator.email);
    expect((await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "walkthrough", targetId: "helsi-declaration" } })).status).toBe(201);
    const learner = await actorFor(team.mentees[0]!.email);
    expect((await getToday(learner, "uk")).pick).toMatchObject({ href: "/walkthroughs/helsi-declaration", reason: "assigned" });
    const item = getWalkthrough("helsi-declaration", "uk")!.items[0]!.id;
    await callRoute(guideCompletion.POST, "/x", { params: { id: "helsi-declaration" }, body: { minutes: 8, answers: [{ itemId: item, correct: true }] } });
    expect(await getDb().assignment.count({ where: { learnerId, targetId: "helsi-declaration", completedAt: { not: null } } })).toBe(1);
  });

  it("can be given only to one's current mentees, for things that exist, due today or later, without client data", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const learnerId = team.mentees[0]!.id;
    await signInAs(other.curator.email);
    expect((await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "strong-passwords" } })).status).toBe(403);
    await signInAs(team.curator.email);
    expect((await callRoute(assignments.POST, "/x", { body: { learnerId: other.mentees[0]!.id, kind: "lesson", targetId: "strong-passwords" } })).status).toBe(
      403,
    );
    const unknown = await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "no-such-lesson" } });
    expect(unknown.json.error?.fields?.targetId?.[0]).toBe("Такого уроку, інструкції чи треку немає.");
    const past = await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "strong-passwords", dueOn: "2020-01-01" } });
    expect(past.json.error?.fields?.dueOn?.[0]).toBe("Термін не може бути в минулому.");
    const leak = await callRoute(assignments.POST, "/x", {
      body: { learnerId, kind: "lesson", targetId: "strong-passwords", message: "Як у справі пані Ірини, РНОКПП 3012345678" },
    });
    expect(leak.status).toBe(400);
    expect(await getDb().assignment.count({ where: { message: { contains: "3012345678" } } })).toBe(0);
    // A learner cannot assign anything.
    await signInAs(team.mentees[0]!.email);
    expect((await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "strong-passwords" } })).status).toBe(403);
  });

  it("can be withdrawn by the curator who gave them while not done", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const learnerId = team.mentees[0]!.id;
    await signInAs(team.curator.email);
    const { json } = await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "two-factor-sign-in" } });
    await signInAs(other.curator.email);
    expect((await callRoute(assignment.DELETE, "/x", { method: "DELETE", params: { id: String(json.id) } })).status).toBe(404);
    await signInAs(team.curator.email);
    expect((await callRoute(assignment.DELETE, "/x", { method: "DELETE", params: { id: String(json.id) } })).status).toBe(200);
    const doneOne = await getDb().assignment.create({
      data: { curatorId: team.curator.id, learnerId, kind: "lesson", targetId: "recognise-phishing", completedAt: new Date() },
    });
    expect((await callRoute(assignment.DELETE, "/x", { method: "DELETE", params: { id: doneOne.id } })).status).toBe(409);
  });
});

describe("the curator's picker of what to assign", () => {
  it("lists the mentee's lessons, guides and tracks by title in the curator's alphabet, marking what the mentee finished", async () => {
    const team = await createTeam();
    const mentee = team.mentees[0]!;
    await signInAs(mentee.email);
    expect((await callRoute(completion.POST, "/x", { params: { id: "recognise-phishing" }, body: { minutes: 5 } })).status).toBe(201);
    const item = getWalkthrough("helsi-declaration", "uk")!.items[0]!.id;
    await callRoute(guideCompletion.POST, "/x", { params: { id: "helsi-declaration" }, body: { minutes: 8, answers: [{ itemId: item, correct: true }] } });

    const curator = await actorFor(team.curator.email);
    const options = await getAssignOptions(curator, mentee.id, "uk");
    const collator = new Intl.Collator("uk", { sensitivity: "base", numeric: true, ignorePunctuation: true });
    for (const list of [options.lessons, options.walkthroughs, options.tracks]) {
      expect(list.length).toBeGreaterThan(1);
      expect(list.map((o) => o.title)).toEqual(list.map((o) => o.title).sort(collator.compare));
    }
    // Not the order of the English ids it used to follow.
    expect(options.lessons.map((o) => o.value)).not.toEqual(options.lessons.map((o) => o.value).sort());
    // Finished work is marked and still offered.
    expect(options.lessons.filter((o) => o.done).map((o) => o.value)).toEqual(["recognise-phishing"]);
    expect(options.walkthroughs.filter((o) => o.done).map((o) => o.value)).toEqual(["helsi-declaration"]);
    expect(options.tracks.every((o) => !o.done)).toBe(true);
    // In English, English titles in English order.
    const english = await getAssignOptions(curator, mentee.id, "en");
    expect(english.lessons.find((o) => o.value === "recognise-phishing")?.done).toBe(true);
    const enCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true, ignorePunctuation: true });
    expect(english.lessons.map((o) => o.title)).toEqual(english.lessons.map((o) => o.title).sort(enCollator.compare));

    // Only the mentee's current curator: not another curator, not the mentee.
    const other = await createTeam();
    await expect(getAssignOptions(await actorFor(other.curator.email), mentee.id, "uk")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAssignOptions(await actorFor(mentee.email), mentee.id, "uk")).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("notifications", () => {
  it("are marked read only for their owner", async () => {
    const team = await createTeam();
    const mentee = team.mentees[0]!;
    await signInAs(team.curator.email);
    for (const targetId of ["recognise-phishing", "strong-passwords", "two-factor-sign-in"]) {
      expect((await callRoute(assignments.POST, "/x", { body: { learnerId: mentee.id, kind: "lesson", targetId } })).status).toBe(201);
    }
    await signInAs(mentee.email);
    expect((await callRoute(completion.POST, "/x", { params: { id: "recognise-phishing" }, body: { minutes: 5 } })).status).toBe(201);
    const learner = await actorFor(mentee.email);
    const curator = await actorFor(team.curator.email);
    const curatorUnread = await unreadNotificationCount(curator);
    expect(curatorUnread).toBeGreaterThan(0);
    const learnerUnread = await unreadNotificationCount(learner);
    expect(learnerUnread).toBe(3); // the three assignments given above
    expect(await markNotificationsRead(learner, "all")).toEqual({ read: learnerUnread });
    expect(await unreadNotificationCount(learner)).toBe(0);
    expect(await unreadNotificationCount(curator)).toBe(curatorUnread);
    const mine = await getDb().notification.findFirstOrThrow({ where: { userId: curator.id, readAt: null } });
    await signInAs(mentee.email);
    expect((await callRoute(read.POST, "/x", { body: { ids: [mine.id] } })).json).toEqual({ read: 0 });
    await signInAs(team.curator.email);
    expect((await callRoute(read.POST, "/x", { body: { ids: [mine.id] } })).json).toEqual({ read: 1 });
  });
});

describe("the caseload", () => {
  it("flags mentees inactive for 7 days, with overdue work, stuck in a guide, or whose self-rating dropped", async () => {
    const team = await createTeam({ mentees: 4 });
    const curator = await actorFor(team.curator.email);
    const db = getDb();
    const [quiet, late, stuck, dropping] = await Promise.all(
      team.mentees.map((m) => db.user.findUniqueOrThrow({ where: { id: m.id }, include: { organization: { include: { hromada: true } } } })),
    );
    const today = kyivDay(new Date());
    // Everyone but the first learned yesterday.
    await db.learningActivity.createMany({
      data: [late!, stuck!, dropping!].map((u) => ({
        userId: u.id,
        kind: "lesson",
        contentId: "strong-passwords",
        day: addDays(today, -1),
        seconds: 240,
        at: new Date(),
      })),
    });
    await db.learningActivity.create({
      data: { userId: quiet!.id, kind: "lesson", contentId: "strong-passwords", day: addDays(today, -8), seconds: 240, at: new Date() },
    });
    await db.assignment.create({
      data: { curatorId: curator.id, learnerId: late!.id, kind: "lesson", targetId: "safe-work-chats", dueOn: addDays(today, -1) },
    });
    await db.walkthroughReport.create({
      data: { walkthroughId: "diia-sign-in", stepId: "bank-sign-in", kind: "stuck", userId: stuck!.id, regionId: stuck!.organization.hromada.regionId },
    });
    await db.assessment.deleteMany({ where: { userId: dropping!.id } });
    const place = {
      userId: dropping!.id,
      regionId: dropping!.organization.hromada.regionId,
      hromadaId: dropping!.organization.hromadaId,
      organizationId: dropping!.organizationId,
      form: "SHORT" as const,
      purposes: { communication: "OFTEN" as const },
    };
    const areas = (level: number) => ["1", "2", "3", "4", "5", "SW"].map((id) => ({ itemType: "AREA" as const, itemId: id, level }));
    await insertSubmittedAssessment(db, { ...place, submittedAt: new Date(Date.now() - 100 * 86_400_000), ratings: areas(5) });
    await insertSubmittedAssessment(db, { ...place, submittedAt: new Date(Date.now() - 86_400_000), ratings: areas(4) });

    const rows = new Map((await getCaseload(curator)).map((r) => [r.id, r]));
    expect(rows.get(quiet!.id)!.flags).toContain("inactive");
    expect(rows.get(late!.id)!.flags).toEqual(["overdue"]);
    expect(rows.get(late!.id)!.assignments).toEqual({ done: 0, due: 0, overdue: 1 });
    expect(rows.get(stuck!.id)!.flags).toEqual(["stuck"]);
    expect(rows.get(dropping!.id)!.flags).toEqual(["dropped"]);
    expect(rows.get(dropping!.id)!.assessment).toMatchObject({ change: -1 });
    // Only current mentees: another curator's mentee is not in the caseload, and their page is closed.
    expect(rows.has(await userId(LEARNER))).toBe(false);
    await expect(getMenteeWork(curator, await userId(LEARNER))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the caseload's wording", () => {
  it("names the area that dropped and by how much, beside a mean that rose, and the guide and step a mentee is stuck on", async () => {
    const team = await createTeam({ mentees: 1 });
    const curator = await actorFor(team.curator.email);
    const db = getDb();
    const mentee = await db.user.findUniqueOrThrow({ where: { id: team.mentees[0]!.id }, include: { organization: { include: { hromada: true } } } });
    const place = {
      userId: mentee.id,
      regionId: mentee.organization.hromada.regionId,
      hromadaId: mentee.organization.hromadaId,
      organizationId: mentee.organizationId,
      form: "SHORT" as const,
      purposes: { communication: "OFTEN" as const },
    };
    // Safety ("4") goes from 5 to 4 while every other area grows from 3 to 5: the mean rises by 1.5.
    const ratings = (levels: Record<string, number>) => Object.entries(levels).map(([itemId, level]) => ({ itemType: "AREA" as const, itemId, level }));
    await insertSubmittedAssessment(db, {
      ...place,
      submittedAt: new Date(Date.now() - 100 * 86_400_000),
      ratings: ratings({ "1": 3, "2": 3, "3": 3, "4": 5, "5": 3, SW: 3 }),
    });
    await insertSubmittedAssessment(db, {
      ...place,
      submittedAt: new Date(Date.now() - 86_400_000),
      ratings: ratings({ "1": 5, "2": 5, "3": 5, "4": 4, "5": 5, SW: 5 }),
    });
    await db.walkthroughReport.create({
      data: { walkthroughId: "diia-sign-in", stepId: "bank-sign-in", kind: "stuck", userId: mentee.id, regionId: mentee.organization.hromada.regionId },
    });

    const [row] = await getCaseload(curator, { locale: "uk" });
    expect(row!.flags).toEqual(expect.arrayContaining(["stuck", "dropped"]));
    expect(row!.assessment).toMatchObject({ change: 1.5, drops: [{ areaId: "4", title: "Безпека", from: 5, to: 4, delta: -1 }] });
    const guide = getWalkthrough("diia-sign-in", "uk")!;
    const step = guide.steps.findIndex((s) => s.id === "bank-sign-in");
    expect(row!.stuckIn).toEqual([
      { walkthroughId: "diia-sign-in", title: guide.frontmatter.title, stepId: "bank-sign-in", stepTitle: guide.steps[step]!.title, stepNumber: step + 1 },
    ]);
    const [inEnglish] = await getCaseload(curator, { locale: "en" });
    expect(inEnglish!.assessment!.drops[0]!.title).toBe("Safety");
    expect(inEnglish!.stuckIn[0]!.title).toBe(getWalkthrough("diia-sign-in", "en")!.frontmatter.title);
  });
});

describe("the feedback thread", () => {
  it("is private to the pair, has read state, refuses client data, and stays readable for the mentee only after the mentorship ends", async () => {
    const team = await createTeam();
    const [curatorEmail, menteeEmail] = [team.curator.email, team.mentees[0]!.email];
    const curator = await actorFor(curatorEmail);
    const menteeId = await userId(menteeEmail);
    await signInAs(curatorEmail);
    const sent = await callRoute(feedback.POST, "/x", {
      body: { curatorId: curator.id, menteeId, body: "Як минула консультація щодо Дії? Що було найважче?" },
    });
    expect(sent.status).toBe(201);
    const leak = await callRoute(feedback.POST, "/x", { body: { curatorId: curator.id, menteeId, body: "Клієнтка з тел. 097 765 43 21 не може увійти" } });
    expect(leak.json.error?.fields?.body?.[0]).toMatch(/персональні дані клієнта/);

    const mentee = await actorFor(menteeEmail);
    expect((await listNotifications(mentee, "uk"))[0]).toMatchObject({ kind: "feedback.message", href: "/my-curator#feedback" });
    const thread = await getFeedbackThread(mentee, curator.id, menteeId);
    expect(thread.messages).toEqual([expect.objectContaining({ mine: false, body: "Як минула консультація щодо Дії? Що було найважче?" })]);
    expect(thread.canWrite).toBe(true);
    await signInAs(menteeEmail);
    expect((await callRoute(markRead.POST, "/x", { params: { curatorId: curator.id, menteeId }, body: {} })).json).toEqual({ read: 1 });
    expect((await callRoute(feedback.POST, "/x", { body: { curatorId: curator.id, menteeId, body: "Найважче — вхід через банк." } })).status).toBe(201);
    // The curator sees their message read, and the reply as new; marking it read tells the mentee.
    const curatorView = await getFeedbackThread(curator, curator.id, menteeId);
    expect(curatorView.messages.map((m) => [m.mine, m.read])).toEqual([
      [true, true],
      [false, false],
    ]);
    await signInAs(curatorEmail);
    expect((await callRoute(markRead.POST, "/x", { params: { curatorId: curator.id, menteeId }, body: { upTo: curatorView.newestId } })).json).toEqual({
      read: 1,
    });
    expect((await getFeedbackThread(mentee, curator.id, menteeId)).messages.map((m) => [m.mine, m.read])).toEqual([
      [false, true],
      [true, true],
    ]);

    // Nobody else: another curator, another learner — for them the thread does not exist.
    const outsider = await actorFor(CURATOR);
    await expect(getFeedbackThread(outsider, curator.id, menteeId)).rejects.toMatchObject({ code: "not_found" });
    expect((await callRoute(feedback.POST, "/x", { body: { curatorId: curator.id, menteeId, body: "Привіт" } })).status).toBe(404);

    await getDb().mentorship.updateMany({ where: { curatorId: curator.id, menteeId }, data: { endedAt: new Date() } });
    expect((await getFeedbackThread(mentee, curator.id, menteeId)).canWrite).toBe(false);
    await expect(getFeedbackThread(curator, curator.id, menteeId)).rejects.toMatchObject({ code: "forbidden" });
    await signInAs(menteeEmail);
    expect((await callRoute(feedback.POST, "/x", { body: { curatorId: curator.id, menteeId, body: "Дякую!" } })).status).toBe(403);
  });
});

describe("pairing curators and mentees", () => {
  it("lets a methodologist pair learners of their region one by one or from CSV, within the curator's capacity, all or nothing", async () => {
    const team = await createTeam({ mentees: 0, unpaired: 3 });
    const [a, b, c] = team.unpaired;
    const curatorEmail = team.curator.email;
    await signInAs(team.methodologist.email);
    const one = await callRoute(pair.POST, "/x", { body: { curatorEmail, menteeEmail: a!.email } });
    expect(one.status).toBe(201);
    const again = await callRoute(pair.POST, "/x", { body: { curatorEmail, menteeEmail: a!.email } });
    // A valid row that the current pairings refuse is a conflict (decision 016).
    expect(again.status).toBe(409);
    expect(again.json.error?.rows).toEqual([{ row: 1, field: "mentee", message: "У цього слухача вже є куратор: спершу завершіть ту співпрацю." }]);

    const badCsv = `curator,mentee\n${curatorEmail},${b!.email}\n${curatorEmail},nobody@example.org\n`;
    const rejected = await callRoute(importPairs.POST, "/x", { body: { csv: badCsv } });
    expect(rejected.status).toBe(422);
    expect(rejected.json.error?.rows).toEqual([{ row: 3, field: "mentee", message: "Такого слухача немає у вашому регіоні." }]);
    expect(await getDb().mentorship.count({ where: { menteeId: b!.id } })).toBe(0);

    // Capacity: the curator can take exactly one more.
    const curatorRow = await getDb().user.findUniqueOrThrow({
      where: { email: curatorEmail },
      include: { _count: { select: { mentees: { where: { endedAt: null } } } } },
    });
    await getDb().user.update({ where: { id: curatorRow.id }, data: { curatorCapacity: curatorRow._count.mentees + 1 } });
    const full = await callRoute(importPairs.POST, "/x", { body: { csv: `curator,mentee\n${curatorEmail},${b!.email}\n${curatorEmail},${c!.email}\n` } });
    expect(full.json.error?.rows).toEqual([{ row: 3, field: "curator", message: expect.stringMatching(/^Куратор уже має стільки підопічних/) }]);
    const fits = await callRoute(importPairs.POST, "/x", { body: { csv: `curator,mentee\n${curatorEmail},${b!.email}\n` } });
    expect(fits.json).toEqual({ created: 1 });
    const curator = await actorFor(curatorEmail);
    expect((await getCaseload(curator)).map((r) => r.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));
  });

  it("keeps other regions and learners out", async () => {
    const team = await createTeam({ mentees: 0, unpaired: 1 });
    const [a] = team.unpaired;
    const curatorEmail = team.curator.email;
    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    const foreign = await callRoute(pair.POST, "/x", { body: { curatorEmail, menteeEmail: a!.email } });
    expect((foreign.json.error?.rows as { field: string }[]).map((r) => r.field)).toEqual(["curator", "mentee"]);
    await signInAs(a!.email);
    expect((await callRoute(pair.POST, "/x", { body: { curatorEmail, menteeEmail: a!.email } })).status).toBe(403);
    expect((await callRoute(importPairs.POST, "/x", { body: { csv: "x" } })).status).toBe(403);
  });

  it("lets the mentee end the mentorship: the history stays, the curator's access goes", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const learnerId = team.mentees[0]!.id;
    const mentorship = await getDb().mentorship.findFirstOrThrow({ where: { menteeId: learnerId, endedAt: null } });
    await signInAs(other.mentees[0]!.email);
    expect((await callRoute(endPair.POST, "/x", { params: { id: mentorship.id } })).status).toBe(403);
    await signInAs(team.mentees[0]!.email);
    expect((await callRoute(endPair.POST, "/x", { params: { id: mentorship.id } })).status).toBe(200);
    expect((await getDb().mentorship.findUniqueOrThrow({ where: { id: mentorship.id } })).endedAt).not.toBeNull();
    const curator = await actorFor(team.curator.email);
    expect((await getCaseload(curator)).map((r) => r.id)).not.toContain(learnerId);
    expect((await callRoute(assignments.POST, "/x", { body: { learnerId, kind: "lesson", targetId: "strong-passwords" } })).status).toBe(403);
    await expect(getMenteeWork(curator, learnerId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("asking for a curator", () => {
  it("lets a learner without a curator ask one of their region; only that curator answers, within capacity, and the learner is told", async () => {
    const db = getDb();
    const team = await createTeam({ mentees: 0, unpaired: 2 });
    const curatorRow = await db.user.findUniqueOrThrow({
      where: { id: team.curator.id },
      include: { organization: { include: { hromada: true } }, _count: { select: { mentees: { where: { endedAt: null } } } } },
    });
    const learner = team.unpaired[0]!;
    await db.user.update({ where: { id: curatorRow.id }, data: { curatorCapacity: curatorRow._count.mentees + 1 } });
    const asker = await actorFor(learner.email);
    const options = await curatorsToAsk(asker);
    expect(options.hasCurator).toBe(false);
    expect(options.curators.map((c) => c.id)).toContain(curatorRow.id);

    expect((await callRoute(requests.POST, "/x", { body: { curatorId: curatorRow.id, message: "Хочу навчитися допомагати з Дією" } })).status).toBe(201);
    const twice = await callRoute(requests.POST, "/x", { body: { curatorId: curatorRow.id } });
    expect(twice.status).toBe(409);
    expect(twice.json.error?.message).toBe("Ви вже надіслали прохання — дочекайтеся відповіді куратора.");
    const zhytomyrCurator = await db.user.findFirstOrThrow({
      where: { roles: { some: { role: "CURATOR" } }, organization: { hromada: { regionId: { not: curatorRow.organization.hromada.regionId } } } },
    });
    expect((await callRoute(requests.POST, "/x", { body: { curatorId: zhytomyrCurator.id } })).status).toBe(404);

    const curator = await actorFor(team.curator.email);
    const [request] = await pendingRequests(curator);
    expect(request).toMatchObject({ name: learner.name, message: "Хочу навчитися допомагати з Дією" });
    expect((await listNotifications(curator, "uk"))[0]).toMatchObject({ kind: "request.new", href: "/curator#requests" });
    await signInAs(CURATOR);
    expect((await callRoute(decision.POST, "/x", { params: { id: request!.id }, body: { accept: true } })).status).toBe(403);
    await signInAs(team.curator.email);
    expect((await callRoute(decision.POST, "/x", { params: { id: request!.id }, body: { accept: true } })).json).toEqual({ accepted: true });
    expect((await callRoute(decision.POST, "/x", { params: { id: request!.id }, body: { accept: false } })).status).toBe(409);
    expect(await db.mentorship.count({ where: { curatorId: curatorRow.id, menteeId: learner.id, endedAt: null } })).toBe(1);
    const told = await actorFor(learner.email);
    expect((await listNotifications(told, "uk"))[0]).toMatchObject({ kind: "request.accepted", actorName: curatorRow.name });
    expect((await callRoute(requests.POST, "/x", { body: { curatorId: curatorRow.id } })).status).toBe(409);

    // The curator is now full: nobody else can ask them.
    await signInAs(team.unpaired[1]!.email);
    const full = await callRoute(requests.POST, "/x", { body: { curatorId: curatorRow.id } });
    expect(full.status).toBe(409);
    expect(full.json.error?.message).toMatch(/^Куратор уже має стільки підопічних/);
  });
});

describe("who sees a curator's caseload and a mentee's page", () => {
  it("the curator and the region's methodologists (read-only) and admins; nobody else", async () => {
    const db = getDb();
    const team = await createTeam();
    const of = { curatorId: team.curator.id, regionId: team.place.regionId };
    const menteeId = team.mentees[0]!.id;
    const sameRegion = team.methodologist;
    const otherRegion = await db.user.findFirstOrThrow({
      where: { roles: { some: { role: "METHODOLOGIST" } }, organization: { hromada: { regionId: { not: of.regionId } } } },
    });
    const methodologist = await actorFor(sameRegion.email);
    expect((await getCaseload(methodologist, { curatorId: of.curatorId })).map((r) => r.id)).toContain(menteeId);
    expect(await getMenteeWork(methodologist, menteeId)).toMatchObject({ id: menteeId, view: "region" });
    const admin = await actorFor("admin@demo.skhodynky.org");
    expect((await getCaseload(admin, { curatorId: of.curatorId })).length).toBeGreaterThan(0);

    // Strangers get 404, exactly as for a curator or learner that does not exist.
    const stranger = await actorFor(otherRegion.email);
    await expect(getCaseload(stranger, { curatorId: of.curatorId })).rejects.toMatchObject({ code: "not_found" });
    await expect(getMenteeWork(stranger, menteeId)).rejects.toMatchObject({ code: "not_found" });
    const anotherCurator = await actorFor(CURATOR);
    await expect(getCaseload(anotherCurator, { curatorId: of.curatorId })).rejects.toMatchObject({ code: "not_found" });
    await expect(getMenteeWork(anotherCurator, menteeId)).rejects.toMatchObject({ code: "not_found" });
    const learner = await actorFor(LEARNER);
    await expect(getCaseload(learner, { curatorId: of.curatorId })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCaseload(learner)).rejects.toMatchObject({ code: "forbidden" });
    // The mentee sees exactly what the curator sees about them.
    const mentee = await actorFor(team.mentees[0]!.email);
    const curator = await actorFor(team.curator.email);
    const { view: ownView, ...own } = await getMenteeWork(mentee, menteeId);
    const { view: curatorsView, ...curators } = await getMenteeWork(curator, menteeId);
    expect([ownView, curatorsView]).toEqual(["self", "curator"]);
    expect(own).toEqual(curators);
  });
});
