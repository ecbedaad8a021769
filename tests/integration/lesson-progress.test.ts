import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs } from "../helpers/api";
import { getLesson } from "../../features/lessons/server/catalog";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import { kyivDay } from "@/lib/kyiv-calendar";

const LESSON = "strong-passwords";
let items: string[] = [];

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
  items = getLesson(LESSON, "uk")!.items.map((i) => i.id);
});

const path = `/api/v1/lessons/${LESSON}/completion`;

describe("completing a lesson", () => {
  it("records it once when the same request is sent twice with one Idempotency-Key", async () => {
    const me = await signInAs("learner@demo.skhodynky.org");
    const body = { minutes: 4, answers: items.map((itemId, i) => ({ itemId, correct: i === 0 })) };
    const headers = { "idempotency-key": "complete-strong-passwords-1" };
    const first = await callRoute(completion.POST, path, { params: { id: LESSON }, body, headers });
    const second = await callRoute(completion.POST, path, { params: { id: LESSON }, body, headers });
    expect(first.status).toBe(201);
    expect(second.json).toEqual(first.json);
    const db = getDb();
    expect(await db.lessonProgress.count({ where: { userId: me.id } })).toBe(1);
    expect((await db.lessonProgress.findFirstOrThrow({ where: { userId: me.id } })).minutes).toBe(4);
    expect(await db.quizAnswer.count({ where: { userId: me.id } })).toBe(items.length);
    const cards = await db.reviewCard.findMany({ where: { userId: me.id } });
    expect(cards).toHaveLength(items.length);
    expect(cards.every((c) => c.reps === 1)).toBe(true);
  });

  it("schedules spaced review with FSRS: a right answer comes back later than a wrong one", async () => {
    const me = await signInAs("curator@demo.skhodynky.org");
    const doneAt = new Date();
    await callRoute(completion.POST, path, {
      params: { id: LESSON },
      body: { doneAt: doneAt.toISOString(), answers: [{ itemId: items[0], correct: true }, ...(items[1] ? [{ itemId: items[1], correct: false }] : [])] },
    });
    const right = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_lessonId_itemId: { userId: me.id, lessonId: LESSON, itemId: items[0]! } } });
    expect(right.due.getTime()).toBeGreaterThan(doneAt.getTime());
    if (items[1]) {
      const wrong = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_lessonId_itemId: { userId: me.id, lessonId: LESSON, itemId: items[1] } } });
      expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
    }
    // Reviewing the right one again, on time, pushes it further out.
    const later = new Date(right.due.getTime() + 60_000);
    await callRoute(completion.POST, path, {
      params: { id: LESSON },
      body: { doneAt: new Date(Math.min(later.getTime(), Date.now())).toISOString(), answers: [{ itemId: items[0], correct: true }] },
    });
    const again = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_lessonId_itemId: { userId: me.id, lessonId: LESSON, itemId: items[0]! } } });
    expect(again.reps).toBe(2);
  });

  it("counts a lesson done offline late last evening on that Kyiv day", async () => {
    const me = await signInAs("iryna.shevchuk@demo.skhodynky.org");
    // 23:40 Kyiv time yesterday, whichever offset (EET +02:00 or EEST +03:00) applies that day.
    const yesterday = kyivDay(new Date(Date.now() - 24 * 60 * 60 * 1000));
    const doneAt = ["+02:00", "+03:00"].map((o) => new Date(`${yesterday}T23:40:00${o}`)).find((d) => kyivDay(d) === yesterday && d.getTime() < Date.now())!;
    const res = await callRoute(completion.POST, path, { params: { id: LESSON }, body: { doneAt: doneAt.toISOString(), answers: [] } });
    expect(res.status).toBe(201);
    expect(res.json.completedOn).toBe(yesterday);
    expect(kyivDay(new Date(doneAt.getTime() + 30 * 60 * 1000))).not.toBe(yesterday); // half an hour later is already today
    expect((await getDb().lessonProgress.findFirstOrThrow({ where: { userId: me.id } })).completedOn).toBe(yesterday);
  });

  it("refuses an unknown lesson (404) and an unknown quiz item (400); counts work claimed 40 days ago today", async () => {
    await signInAs("mykola.savenko@demo.skhodynky.org");
    expect((await callRoute(completion.POST, "/x", { params: { id: "no-such-lesson" }, body: {} })).status).toBe(404);
    const badItem = await callRoute(completion.POST, "/x", { params: { id: LESSON }, body: { answers: [{ itemId: "ghost", correct: true }] } });
    expect(badItem.status).toBe(400);
    expect(Object.keys(badItem.json.error?.fields ?? {})).toEqual(["answers.0.itemId"]);
    expect(await getDb().lessonProgress.count({ where: { user: { email: "mykola.savenko@demo.skhodynky.org" } } })).toBe(0);
    const old = await callRoute(completion.POST, "/x", {
      params: { id: LESSON },
      body: { doneAt: new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString() },
    });
    expect(old.status).toBe(201);
    expect(old.json.completedOn).toBe(kyivDay(new Date()));
  });
});
