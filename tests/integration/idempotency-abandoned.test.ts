import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { IN_PROGRESS_ABANDONED_MS, untilDatabaseAnswers } from "../../server/api/handler";
import { callRoute, signInAs } from "../helpers/api";
import { createPerson, createPlace, type TestPlace } from "../factories/people";
import * as lowDataRoute from "../../app/api/v1/me/low-data/route";

/**
 * A write whose server lost the database mid-way cannot remove its "in progress" mark (the fault run
 * of bench/fault-restart.ts left keys stuck that way). A retry with the same key is told to wait
 * (409 in_progress with Retry-After, which the outbox and the API client retry); once the mark is
 * older than five minutes, the retry takes the key over — one retry only, when two come at once.
 */
const db = getDb();
let place: TestPlace;
const PATH = "/api/v1/me/low-data";
const BODY = { mode: "on" };

beforeAll(async () => {
  place = await createPlace(db);
});

async function learnerWithStuckKey(ageMs: number) {
  const learner = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
  await signInAs(learner.email);
  const key = `stuck-${learner.id}`;
  const requestHash = createHash("sha256")
    .update(`POST ${PATH}\n${JSON.stringify(BODY)}`)
    .digest("hex");
  await db.idempotencyRecord.create({
    data: { scope: learner.id, key, userId: learner.id, method: "POST", path: PATH, requestHash, status: 0, createdAt: new Date(Date.now() - ageMs) },
  });
  return { learner, key };
}

const send = (key: string) => callRoute(lowDataRoute.POST, PATH, { body: BODY, headers: { "idempotency-key": key } });

describe("a write's key left in progress", () => {
  it("answers 409 in_progress with Retry-After while the first request may still be running", async () => {
    const { learner, key } = await learnerWithStuckKey(5_000);
    const answer = await send(key);
    expect(answer.status).toBe(409);
    expect(answer.json.error?.code).toBe("in_progress");
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).lowData).toBe("auto");
  });

  it("is taken over by a retry once abandoned, and the write happens", async () => {
    const { learner, key } = await learnerWithStuckKey(IN_PROGRESS_ABANDONED_MS + 1_000);
    const answer = await send(key);
    expect(answer.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).lowData).toBe("on");
    const record = await db.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: learner.id, key } } });
    expect(record.status).toBe(200);
    // Replayed from now on, as any finished key.
    const again = await send(key);
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([200, "true"]);
  });

  it("is taken over by one of two retries that arrive at once", async () => {
    const { key } = await learnerWithStuckKey(IN_PROGRESS_ABANDONED_MS + 1_000);
    const answers = await Promise.all([send(key), send(key)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    // The other either waits (in progress) or, if the winner already finished, gets the replay.
    expect([200, 409]).toContain(statuses[1]);
    const replayed = answers.filter((a) => a.headers.get("idempotent-replayed") === "true").length;
    expect(answers.filter((a) => a.status === 200).length - replayed).toBe(1);
  });

  it("is not taken over by a different request under the same key", async () => {
    const { key } = await learnerWithStuckKey(IN_PROGRESS_ABANDONED_MS + 1_000);
    const other = await callRoute(lowDataRoute.POST, PATH, { body: { mode: "off" }, headers: { "idempotency-key": key } });
    expect(other.status).toBe(422);
  });
});

describe("settling a key's mark while the database comes back", () => {
  const unavailable = () => Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });

  it("tries again until the database answers", async () => {
    let calls = 0;
    const result = await untilDatabaseAnswers(async () => {
      calls += 1;
      if (calls < 3) throw unavailable();
      return "settled";
    });
    expect([result, calls]).toEqual(["settled", 3]);
  });

  it("gives up after its time, and never retries an error that is not an outage", async () => {
    let calls = 0;
    await expect(
      untilDatabaseAnswers(async () => {
        calls += 1;
        throw unavailable();
      }, 600),
    ).rejects.toThrow("Connection terminated");
    expect(calls).toBeGreaterThanOrEqual(2);
    calls = 0;
    await expect(
      untilDatabaseAnswers(async () => {
        calls += 1;
        throw new Error("Unique constraint failed");
      }),
    ).rejects.toThrow("Unique constraint failed");
    expect(calls).toBe(1);
  });
});
