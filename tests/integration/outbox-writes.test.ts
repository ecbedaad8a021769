import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { callRoute, signInAs } from "../helpers/api";
import { createPerson, createPlace } from "../factories/people";
import { getLesson } from "../../features/lessons/server/catalog";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import * as reviews from "../../app/api/v1/reviews/route";

/**
 * What the server does for a device's outbox (decision 034): a queued write carries its person's
 * id, and is refused under anyone else's session (409 wrong_user) without recording anything; a
 * replay of one write — three times, or at once — records it once, dated when it was done.
 */
const LESSON = "strong-passwords";
const path = `/api/v1/lessons/${LESSON}/completion`;
let first: { id: string; email: string };
let second: { id: string; email: string };
let items: string[] = [];

beforeAll(async () => {
  const db = getDb();
  const place = await createPlace(db);
  first = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
  second = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
  items = getLesson(LESSON, "uk")!.items.map((i) => i.id);
});

const body = (doneAt: string) => ({ doneAt, minutes: 4, answers: items.map((itemId) => ({ itemId, correct: true })) });

describe("a device's outbox on a shared computer", () => {
  it("refuses one person's queued write under another's session, records nothing, and takes it from its person", async () => {
    const doneAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const headers = { "idempotency-key": `outbox-${first.id}-1`, "x-outbox-user": first.id };
    await signInAs(second.email);
    const wrong = await callRoute(completion.POST, path, { params: { id: LESSON }, body: body(doneAt), headers });
    expect(wrong.status).toBe(409);
    expect(wrong.json.error?.code).toBe("wrong_user");
    const db = getDb();
    expect(await db.lessonProgress.count({ where: { userId: { in: [first.id, second.id] } } })).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: headers["idempotency-key"] } })).toBe(0);

    await signInAs(first.email);
    const right = await callRoute(completion.POST, path, { params: { id: LESSON }, body: body(doneAt), headers });
    expect(right.status).toBe(201);
    const progress = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: first.id, lessonId: LESSON } } });
    expect(progress.completedAt?.toISOString()).toBe(doneAt);
  });

  it("records a review answer replayed three times once, and once again when three replays arrive at the same moment", async () => {
    // A learner of her own, who finished the lesson (its items are then due for review).
    const place = await createPlace(getDb());
    const reviewer = await createPerson(getDb(), { organizationId: place.organizationId, roles: ["LEARNER"] });
    await signInAs(reviewer.email);
    const finished = await callRoute(completion.POST, path, { params: { id: LESSON }, body: body(new Date().toISOString()) });
    expect(finished.status).toBe(201);
    const answer = { lessonId: LESSON, itemId: items[0]!, correct: true, seconds: 9, answeredAt: new Date().toISOString() };
    const headers = { "idempotency-key": `outbox-${reviewer.id}-review`, "x-outbox-user": reviewer.id };
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await callRoute(reviews.POST, "/api/v1/reviews", { body: answer, headers }));
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([replies[0]!.status]));
    expect(replies[0]!.status).toBeLessThan(300);
    expect(replies[1]!.json).toEqual(replies[0]!.json);
    const db = getDb();
    expect(await db.learningActivity.count({ where: { userId: reviewer.id, kind: "review" } })).toBe(1);

    const together = { ...headers, "idempotency-key": `outbox-${reviewer.id}-review-2` };
    const again = { ...answer, itemId: items[1] ?? items[0]!, answeredAt: new Date().toISOString() };
    const all = await Promise.all([0, 1, 2].map(() => callRoute(reviews.POST, "/api/v1/reviews", { body: again, headers: together })));
    expect(all.filter((r) => r.status < 300).length).toBeGreaterThanOrEqual(1);
    for (const r of all) expect([200, 201, 409]).toContain(r.status);
    expect(await db.learningActivity.count({ where: { userId: reviewer.id, kind: "review" } })).toBe(2);
  });
});
