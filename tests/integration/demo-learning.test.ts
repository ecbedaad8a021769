import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { createDemoWorld, DEMO_EMAIL_DOMAIN } from "../factories/demo-world";
import { createDemoLearning } from "../factories/demo-learning";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";

const NOW = new Date("2026-11-30T10:00:00Z");
let finished = 0;

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("unused-in-these-tests") });
  finished = await createDemoLearning(getDb(), NOW);
});

describe("the demo world's learning history", () => {
  it("gives every demo learner some finished lessons over the last six weeks, on working days, never today", async () => {
    const db = getDb();
    const learners = await db.user.findMany({
      where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, roles: { some: { role: "LEARNER" } } },
      select: { id: true, _count: { select: { lessonProgress: true } } },
    });
    expect(learners.length).toBeGreaterThan(20);
    for (const l of learners) expect(l._count.lessonProgress).toBeGreaterThan(0);
    const activity = await db.learningActivity.findMany({ select: { day: true, kind: true } });
    expect(activity.length).toBe(finished);
    const today = kyivDay(NOW);
    for (const a of activity) {
      expect(a.day < today).toBe(true);
      expect(a.day >= addDays(today, -44)).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${a.day}T12:00:00Z`).getUTCDay());
    }
    expect(activity.some((a) => a.kind === "walkthrough")).toBe(true);
  });

  it("records the work as the lesson player does: answered items enter the review schedule, and the demo learner still has lessons to do", async () => {
    const db = getDb();
    expect(await db.reviewCard.count()).toBeGreaterThan(0);
    expect(await db.quizAnswer.count()).toBe(await db.reviewCard.count());
    const learner = await db.user.findUniqueOrThrow({ where: { email: `learner@${DEMO_EMAIL_DOMAIN}` }, select: { id: true } });
    expect(await db.lessonProgress.count({ where: { userId: learner.id } })).toBe(4);
  });
});
