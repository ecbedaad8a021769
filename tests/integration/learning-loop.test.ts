import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld, DEMO_MENTORSHIPS, demoEmailFor } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { getLesson, lessonStepCount, listTracks } from "../../features/lessons/server/catalog";
import { getLessonState } from "../../features/progress/server/lesson-position";
import { getToday } from "../../features/progress/server/get-today";
import { countDueReviews, getReviewSession, REVIEW_SESSION_ITEMS } from "../../features/progress/server/review";
import { getMyProgress, HISTORY_WEEKS } from "../../features/progress/server/get-progress";
import { listWalkthroughs } from "../../features/walkthroughs/server/catalog";
import { createPerson, createPlace } from "../factories/people";
import { actorFromDb } from "../factories/actors";
import { addDays, kyivDay, mondayOf } from "@/lib/kyiv-calendar";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import * as position from "../../app/api/v1/lessons/[id]/position/route";
import * as reviews from "../../app/api/v1/reviews/route";
import * as dailyGoal from "../../app/api/v1/me/daily-goal/route";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

const LESSON = "strong-passwords";
const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

describe("lesson player position", () => {
  it("remembers the screen reached, offers to continue there on Today, and refuses a screen the lesson does not have", async () => {
    const actor = await actorFor("serhii.bondar@demo.skhodynky.org");
    const steps = lessonStepCount(LESSON);
    expect(steps).toBeGreaterThan(2);
    const saved = await callRoute(position.PUT, "/x", { method: "PUT", params: { id: LESSON }, body: { step: 2 } });
    expect(saved.status).toBe(200);
    expect(await getLessonState(actor, LESSON)).toEqual({ completed: false, step: 2 });
    expect((await getToday(actor, "uk")).pick).toMatchObject({ id: LESSON, reason: "continue", resumeStep: 3 });

    const beyond = await callRoute(position.PUT, "/x", { method: "PUT", params: { id: LESSON }, body: { step: steps } });
    expect(beyond.status).toBe(400);
    expect(beyond.json.error?.fields?.step?.[0]).toBe("У цьому уроці немає такого екрана.");
    expect((await callRoute(position.PUT, "/x", { method: "PUT", params: { id: "no-such-lesson" }, body: { step: 0 } })).status).toBe(404);
    expect((await callRoute(position.PUT, "/x", { method: "PUT", params: { id: LESSON }, body: { step: "two" } })).status).toBe(400);
    expect(await getLessonState(actor, LESSON)).toEqual({ completed: false, step: 2 });
  });
});

describe("spaced review", () => {
  it("asks due items on their own, records an answer once per idempotency key, and moves the item along its schedule", async () => {
    const actor = await actorFor("iryna.shevchuk@demo.skhodynky.org");
    const items = getLesson(LESSON, "uk")!.items;
    const answers = items.map((item, i) => ({ itemId: item.id, correct: i !== 0 }));
    expect((await callRoute(completion.POST, "/x", { params: { id: LESSON }, body: { minutes: 4, answers } })).status).toBe(201);

    // A wrong answer comes back within minutes; everything is due a week later.
    expect(await countDueReviews(actor, new Date(Date.now() + 30 * 60 * 1000))).toBeGreaterThanOrEqual(1);
    const session = await getReviewSession(actor, "uk", inAWeek());
    expect(session.due).toBe(items.length);
    expect(session.items.map((i) => i.itemId).sort()).toEqual(items.map((i) => i.id).sort());
    expect(session.items[0]!.code.length).toBeGreaterThan(0);
    expect(session.items[0]).toMatchObject({ lessonId: LESSON, lessonTitle: getLesson(LESSON, "uk")!.frontmatter.title });

    const db = getDb();
    const key = { userId_lessonId_itemId: { userId: actor.id, lessonId: LESSON, itemId: items[0]!.id } };
    const before = await db.reviewCard.findUniqueOrThrow({ where: key });
    const body = { lessonId: LESSON, itemId: items[0]!.id, correct: true, seconds: 14 };
    const headers = { "idempotency-key": "review-1" };
    const first = await callRoute(reviews.POST, "/api/v1/reviews", { body, headers });
    const replay = await callRoute(reviews.POST, "/api/v1/reviews", { body, headers });
    expect(first.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    const after = await db.reviewCard.findUniqueOrThrow({ where: key });
    expect(after.reps).toBe(before.reps + 1);
    expect(after.due.getTime()).toBeGreaterThan(before.due.getTime());
    const activity = await db.learningActivity.findMany({ where: { userId: actor.id, kind: "review" } });
    expect(activity).toEqual([expect.objectContaining({ contentId: LESSON, seconds: 14, day: kyivDay(new Date()) })]);

    const unknown = await callRoute(reviews.POST, "/api/v1/reviews", { body: { ...body, itemId: "never-answered" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.message).toBe("Цього питання немає у вашому розкладі повторення.");
  });

  it("keeps a session to at most six items, most overdue first", async () => {
    const actor = await actorFor("curator@demo.skhodynky.org");
    const db = getDb();
    const base = Date.now() - 10 * 24 * 60 * 60 * 1000;
    const lessons = listTracks()
      .flatMap((t) => t.lessons)
      .slice(0, 4);
    const cards = lessons.flatMap((lessonId, li) =>
      getLesson(lessonId, "uk")!.items.map((item, ii) => ({ lessonId, itemId: item.id, due: new Date(base + (li * 10 + ii) * 60_000) })),
    );
    expect(cards.length).toBeGreaterThan(REVIEW_SESSION_ITEMS);
    await db.reviewCard.createMany({
      data: cards.map((c) => ({
        userId: actor.id,
        ...c,
        stability: 1,
        difficulty: 5,
        elapsedDays: 1,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
      })),
    });
    // An item its author has since removed is never asked.
    await db.reviewCard.create({
      data: {
        userId: actor.id,
        lessonId: LESSON,
        itemId: "removed-item",
        due: new Date(base - 60_000),
        stability: 1,
        difficulty: 5,
        elapsedDays: 1,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
      },
    });
    const session = await getReviewSession(actor, "uk");
    expect(session.due).toBe(cards.length);
    expect(session.items).toHaveLength(REVIEW_SESSION_ITEMS);
    expect(session.items.map((i) => `${i.lessonId}/${i.itemId}`)).toEqual(cards.slice(0, REVIEW_SESSION_ITEMS).map((c) => `${c.lessonId}/${c.itemId}`));
  });
});

describe("curator's assignments on Today", () => {
  it("come first, the soonest due first, move on when done, and vanish when the mentorship ends", async () => {
    const [curatorEmail, menteeEmail] = DEMO_MENTORSHIPS.find(([c]) => c === "curator@demo.skhodynky.org")!;
    const db = getDb();
    const curator = await db.user.findUniqueOrThrow({ where: { email: curatorEmail } });
    const actor = await actorFor(menteeEmail);
    const [trackLessonA, trackLessonB] = listTracks()[1]!.lessons;
    await db.assignment.createMany({
      data: [
        { curatorId: curator.id, learnerId: actor.id, kind: "track", targetId: listTracks()[1]!.id, dueOn: "2099-02-01" },
        {
          curatorId: curator.id,
          learnerId: actor.id,
          kind: "lesson",
          targetId: "recognise-phishing",
          dueOn: "2099-01-10",
          message: "Перед зустріччю в четвер",
        },
      ],
    });
    const today = await getToday(actor, "uk");
    expect(today.pick).toMatchObject({
      id: "recognise-phishing",
      reason: "assigned",
      detail: curator.name,
      dueOn: "2099-01-10",
      message: "Перед зустріччю в четвер",
    });
    expect(today.assignments.map((a) => a.contentId)).toEqual(["recognise-phishing", trackLessonA]);
    expect(today.assignments.map((a) => a.href)).toEqual(["/lessons/recognise-phishing", `/lessons/${trackLessonA}`]);

    await callRoute(completion.POST, "/x", { params: { id: "recognise-phishing" }, body: { minutes: 5 } });
    expect((await db.assignment.findFirstOrThrow({ where: { learnerId: actor.id, kind: "lesson" } })).completedAt).not.toBeNull();
    const next = await getToday(actor, "uk");
    expect(next.pick).toMatchObject({ id: trackLessonA, reason: "assigned" });
    await callRoute(completion.POST, "/x", { params: { id: trackLessonA! }, body: { minutes: 5 } });
    expect((await getToday(actor, "uk")).pick).toMatchObject({ id: trackLessonB, reason: "assigned" });

    await db.mentorship.updateMany({ where: { curatorId: curator.id, menteeId: actor.id }, data: { endedAt: new Date() } });
    const ended = await getToday(actor, "uk");
    expect(ended.assignments).toEqual([]);
    expect(ended.pick?.reason).not.toBe("assigned");
  });
});

describe("my progress", () => {
  it("shows lessons per track, minutes this week, and a streak history with forgiven days", async () => {
    const actor = await actorFor("yuliia.marchenko@demo.skhodynky.org");
    const db = getDb();
    const today = kyivDay(new Date());
    // Active three days ago and today; the two days between are forgiven (2 a month).
    const days = [addDays(today, -3), today];
    const spansMonths = addDays(today, -2).slice(0, 7) !== addDays(today, -1).slice(0, 7);
    await db.learningActivity.createMany({
      data: days.map((day) => ({ userId: actor.id, kind: "review", contentId: LESSON, day, seconds: 150, at: new Date() })),
    });
    const [firstLesson] = listTracks()[0]!.lessons;
    await callRoute(completion.POST, "/x", { params: { id: firstLesson! }, body: { minutes: 3 } });

    const p = await getMyProgress(actor, "uk");
    expect(p.tracks[0]).toMatchObject({ done: 1, total: listTracks()[0]!.lessons.length });
    expect(p.tracks[0]!.lessons[0]).toMatchObject({ id: firstLesson, done: true });
    expect(p.lessonsDone).toBe(1);
    expect(p.walkthroughs).toEqual({ done: 0, total: listWalkthroughs("uk").length });
    expect(p.week.map((d) => d.day)[0]).toBe(mondayOf(today));
    expect(p.week.find((d) => d.day === today)!.minutes).toBe(Math.round((150 + 180) / 60));
    // Today 150 s of review + 3 minutes of lesson = 6 min; three days ago 150 s = 3 min, if still this week.
    expect(p.minutesThisWeek).toBe(6 + (addDays(today, -3) >= mondayOf(today) ? 3 : 0));
    const flat = p.history.flat();
    // From the week of the first day of learning (three days ago) to this one: one row or two, not twelve.
    expect(p.history).toHaveLength(mondayOf(addDays(today, -3)) === mondayOf(today) ? 1 : 2);
    expect(flat[0]!.day).toBe(mondayOf(addDays(today, -3)));
    expect(flat.at(-1)!.day).toBe(addDays(mondayOf(today), 6));
    expect(flat.find((d) => d.day === today)!.status).toBe("active");
    expect(flat.find((d) => d.day === addDays(today, -3))!.status).toBe("active");
    expect(flat.find((d) => d.day === addDays(today, -1))!.status).toBe("grace");
    if (!spansMonths) expect(flat.find((d) => d.day === addDays(today, -2))!.status).toBe("grace");
    expect(flat.find((d) => d.day === addDays(today, -4))?.status ?? "none").toBe("none");
    expect(flat.filter((d) => d.day > today || d.day < addDays(today, -3)).every((d) => d.status === "none")).toBe(true);
    expect(p.streak.current).toBe(2);
  });

  it("marks each day of the history as learned, forgiven or missed, and nothing before the first day or still to come", async () => {
    const actor = await actorFor(demoEmailFor("Микола Савенко"));
    const active = ["2026-11-02", "2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10"];
    await getDb().learningActivity.createMany({
      data: active.map((day) => ({ userId: actor.id, kind: "lesson", contentId: LESSON, day, seconds: 240, at: new Date(`${day}T09:00:00Z`) })),
    });
    // Friday 20 November 2026, noon in Kyiv.
    const p = await getMyProgress(actor, "uk", new Date("2026-11-20T10:00:00Z"));
    const status = new Map(p.history.flat().map((d) => [d.day, d.status]));
    expect(p.history.at(-1)!.map((d) => d.day)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    // The weeks from the first day of learning (Monday 2 November) only.
    expect(p.history.map((w) => w[0]!.day)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(status.has("2026-11-01")).toBe(false);
    expect(status.get("2026-11-02")).toBe("active");
    // November's two grace days bridge the 3rd and 4th; the 7th–8th break the run.
    expect([status.get("2026-11-03"), status.get("2026-11-04")]).toEqual(["grace", "grace"]);
    expect([status.get("2026-11-07"), status.get("2026-11-08")]).toEqual(["missed", "missed"]);
    expect(status.get("2026-11-19")).toBe("missed");
    expect([status.get("2026-11-20"), status.get("2026-11-21")]).toEqual(["none", "none"]);
    expect(p.streak).toMatchObject({ current: 0, longest: 3 });
    expect(p.week.map((d) => d.minutes)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("shows no weeks to someone who has not learned yet, and at most twelve to someone who learned long ago", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const newcomer = await actorFromDb(db, { id: (await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"], newAccount: true })).id });
    const fresh = await getMyProgress(newcomer, "uk");
    expect(fresh.history).toEqual([]);
    expect(fresh.streak.longest).toBe(0);

    // A first lesson today: this week's row alone.
    await db.learningActivity.create({
      data: { userId: newcomer.id, kind: "lesson", contentId: LESSON, day: kyivDay(new Date()), seconds: 240, at: new Date() },
    });
    const firstDay = await getMyProgress(newcomer, "uk");
    expect(firstDay.history).toHaveLength(1);
    expect(firstDay.history[0]!.map((d) => d.day)).toEqual(firstDay.week.map((d) => d.day));

    const veteran = await actorFromDb(db, { id: (await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] })).id });
    await db.learningActivity.create({
      data: { userId: veteran.id, kind: "lesson", contentId: LESSON, day: "2025-01-06", seconds: 240, at: new Date("2025-01-06T09:00:00Z") },
    });
    const long = await getMyProgress(veteran, "uk", new Date("2026-11-20T10:00:00Z"));
    expect(long.history).toHaveLength(HISTORY_WEEKS);
    expect(long.history[0]![0]!.day).toBe("2026-08-31");
  });

  it("lets the learner set a daily goal from the offered choices, with a clear message otherwise", async () => {
    const me = await signInAs("learner@demo.skhodynky.org");
    const ok = await callRoute(dailyGoal.PUT, "/x", { method: "PUT", body: { minutes: 10 } });
    expect(ok.status).toBe(200);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).dailyGoalMinutes).toBe(10);
    const bad = await callRoute(dailyGoal.PUT, "/x", { method: "PUT", body: { minutes: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields?.minutes?.[0]).toBe("Оберіть мету зі списку: 3, 5, 10, 15 або 20 хвилин.");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).dailyGoalMinutes).toBe(10);
  });
});
