import { PGlite } from "@electric-sql/pglite";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { constraintError } from "../../server/errors";
import { translateError } from "../../server/i18n";
import type { Actor } from "../../server/authz/policy";
import { applyMigrations, MIGRATIONS_DIR } from "../../scripts/db/engine";
import { migrationNames, type Row } from "../helpers/migrations";
import { callRoute, signInAs } from "../helpers/api";
import { createMentorship, createPerson, createPlace, type TestPlace } from "../factories/people";
import { shortFormAnswers } from "../factories/assessments";
import { getFramework } from "../../features/competences/server/framework";
import { getLesson } from "../../features/lessons/server/catalog";
import { assignMentees, parsePairsCsv } from "../../features/mentoring/server/mentorships";
import { decideRequest } from "../../features/mentoring/server/requests";
import { cancelAssignment } from "../../features/mentoring/server/assign";
import { completeLesson } from "../../features/progress/server/complete-lesson";
import { findUsers } from "../../features/admin/server/queries";
import { parseImportCsv } from "../../features/accounts/server/import-users";
import { kyivDay } from "@/lib/kyiv-calendar";
import * as pair from "../../app/api/v1/mentorships/route";
import * as requests from "../../app/api/v1/curator-requests/route";
import * as decision from "../../app/api/v1/curator-requests/[id]/decision/route";
import * as draft from "../../app/api/v1/assessments/draft/route";
import * as submit from "../../app/api/v1/assessments/draft/submit/route";
import * as assignments from "../../app/api/v1/assignments/route";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import * as reviews from "../../app/api/v1/reviews/route";
import * as organizations from "../../app/api/v1/directory/organizations/route";

/**
 * The rules the database keeps (decision 016), each raced with Promise.all the way two people (or
 * two tabs) would race them, and each also tried past the code, straight against the database.
 * Every test makes its own region and people (tests/factories/people.ts).
 */

type Person = Actor & { email: string; name: string };

async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles });
  return { id: p.id, email: p.email, name: p.name, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId };
}

const uk = (key: string) => translateError("uk", key);
const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();
const LESSON = "strong-passwords";
const DAY = 24 * 60 * 60 * 1000;

describe("one current curator per mentee", () => {
  it("lets only one of two concurrent pairings of a learner through; the other answers 409", async () => {
    const place = await createPlace(getDb());
    const [methodologist, first, second, learner] = [
      await person(place, ["METHODOLOGIST"]),
      await person(place, ["CURATOR", "LEARNER"]),
      await person(place, ["CURATOR", "LEARNER"]),
      await person(place, ["LEARNER"]),
    ];
    await signInAs(methodologist.email);
    const answers = await Promise.all(
      [first, second].map((curator) => callRoute(pair.POST, "/api/v1/mentorships", { body: { curatorEmail: curator.email, menteeEmail: learner.email } })),
    );
    expect(statuses(answers)).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error?.rows).toEqual([{ row: 1, field: "mentee", message: uk("errors.menteeHasCurator") }]);
    expect(await getDb().mentorship.count({ where: { menteeId: learner.id, endedAt: null } })).toBe(1);
    // A later pairing gets the same answer, and so does a write that skips the code.
    const later = await callRoute(pair.POST, "/x", { body: { curatorEmail: first.email, menteeEmail: learner.email } });
    expect(later.status).toBe(409);
    const direct = await getDb()
      .mentorship.create({ data: { curatorId: second.id, menteeId: learner.id } })
      .catch((e: unknown) => e);
    expect(constraintError(direct)).toMatchObject({ status: 409, message: "errors.menteeHasCurator" });
  });

  it("never pairs past a curator's capacity, however many pairings race", async () => {
    const place = await createPlace(getDb());
    const methodologist = await person(place, ["METHODOLOGIST"]);
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const learners = [await person(place, ["LEARNER"]), await person(place, ["LEARNER"]), await person(place, ["LEARNER"])];
    await getDb().user.update({ where: { id: curator.id }, data: { curatorCapacity: 1 } });
    await signInAs(methodologist.email);
    const answers = await Promise.all(learners.map((l) => callRoute(pair.POST, "/x", { body: { curatorEmail: curator.email, menteeEmail: l.email } })));
    expect(statuses(answers)).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.json.error?.rows).toEqual([{ row: 1, field: "curator", message: uk("errors.curatorFull") }]);
    }
    expect(await getDb().mentorship.count({ where: { curatorId: curator.id, endedAt: null } })).toBe(1);
  });

  it("keeps capacity when a curator accepts a request while a methodologist pairs someone with them", async () => {
    const place = await createPlace(getDb());
    const methodologist = await person(place, ["METHODOLOGIST"]);
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const [asking, paired] = [await person(place, ["LEARNER"]), await person(place, ["LEARNER"])];
    await getDb().user.update({ where: { id: curator.id }, data: { curatorCapacity: 1 } });
    const request = await getDb().curatorRequest.create({ data: { learnerId: asking.id, curatorId: curator.id } });
    const outcomes = await Promise.allSettled([
      decideRequest(curator, request.id, true),
      assignMentees(methodologist, [{ curatorEmail: curator.email, menteeEmail: paired.email, line: 1 }]),
    ]);
    expect(await getDb().mentorship.count({ where: { curatorId: curator.id, endedAt: null } })).toBe(1);
    const accepted = outcomes[0].status === "fulfilled";
    const pairedOk = outcomes[1].status === "fulfilled" && outcomes[1].value.ok;
    expect([accepted, pairedOk].filter(Boolean)).toHaveLength(1);
    if (!accepted) {
      expect(outcomes[0]).toMatchObject({ status: "rejected", reason: { status: 409, message: "errors.curatorFull" } });
      // The refused acceptance leaves the request undecided, for the curator to decline or accept later.
      expect((await getDb().curatorRequest.findUniqueOrThrow({ where: { id: request.id } })).decidedAt).toBeNull();
    } else {
      expect(outcomes[1]).toMatchObject({ status: "fulfilled", value: { ok: false, status: 409 } });
    }
  });

  it("ends, at migration, pairings a race or a mistake left behind, instead of failing to add the rule", async () => {
    const target = "20261130110000_invariants";
    const before = mkdtempSync(join(tmpdir(), "skh-invariants-"));
    cpSync(join(MIGRATIONS_DIR, "migration_lock.toml"), join(before, "migration_lock.toml"));
    for (const name of migrationNames.filter((n) => n < target)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    const db = await PGlite.create("memory://");
    try {
      await applyMigrations({ kind: "pglite-instance", db }, before);
      await db.exec(`
        INSERT INTO "Region" ("id", "code", "nameUk", "nameEn") VALUES ('r', 'UA-53', 'Полтавська', 'Poltava');
        INSERT INTO "Hromada" ("id", "regionId", "nameUk", "nameEn") VALUES ('h', 'r', 'Громада', 'Hromada');
        INSERT INTO "Organization" ("id", "hromadaId", "name") VALUES ('o', 'h', 'Центр');
        INSERT INTO "User" ("id", "email", "name", "organizationId", "updatedAt") VALUES
          ('c1', 'c1@example.org', 'C1', 'o', now()), ('c2', 'c2@example.org', 'C2', 'o', now()),
          ('m', 'm@example.org', 'M', 'o', now()), ('admin', 'a@example.org', 'A', 'o', now());
        INSERT INTO "UserRole" ("userId", "role") VALUES ('c1', 'CURATOR'), ('c2', 'CURATOR'), ('m', 'LEARNER'), ('admin', 'ADMIN');
        INSERT INTO "Mentorship" ("id", "curatorId", "menteeId", "startedAt") VALUES
          ('first', 'c1', 'm', now() - interval '1 hour'), ('second', 'c2', 'm', now()), ('admin-pair', 'c1', 'admin', now());
        INSERT INTO "Assessment" ("id", "userId", "frameworkId", "frameworkVersion", "profileId", "form", "updatedAt") VALUES
          ('old-draft', 'm', 'digcomp-sw', 1, 'p', 'SHORT', now() - interval '1 day'), ('new-draft', 'm', 'digcomp-sw', 1, 'p', 'SHORT', now());
        INSERT INTO "CuratorRequest" ("id", "learnerId", "curatorId", "createdAt") VALUES
          ('asked-first', 'm', 'c1', now() - interval '1 hour'), ('asked-again', 'm', 'c2', now());
      `);
      expect(await applyMigrations({ kind: "pglite-instance", db })).toContain(target);
      const current = (await db.query<Row>(`SELECT "id" FROM "Mentorship" WHERE "endedAt" IS NULL`)).rows;
      expect(current).toEqual([{ id: "first" }]);
      expect((await db.query<Row>(`SELECT "id" FROM "Assessment"`)).rows).toEqual([{ id: "new-draft" }]);
      expect((await db.query<Row>(`SELECT "id", "accepted" FROM "CuratorRequest" ORDER BY "createdAt"`)).rows).toEqual([
        { id: "asked-first", accepted: null },
        { id: "asked-again", accepted: false },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe("who can be a mentee", () => {
  it("is an active learner only: not an admin, a methodologist, a disabled account or the curator", async () => {
    const place = await createPlace(getDb());
    const methodologist = await person(place, ["METHODOLOGIST"]);
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const admin = await person(place, ["ADMIN"]);
    const colleague = await person(place, ["METHODOLOGIST"]);
    const disabled = await person(place, ["LEARNER"]);
    const otherCurator = await person(place, ["CURATOR", "LEARNER"]);
    await getDb().user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    await signInAs(methodologist.email);
    const csv = ["curator,mentee", ...[admin, colleague, disabled, curator].map((m) => `${curator.email},${m.email}`)].join("\n");
    const refused = await assignMentees(methodologist, parsePairsCsv(csv).pairs);
    expect(refused).toEqual({
      ok: false,
      status: 422,
      errors: [
        { row: 2, field: "mentee", message: "errors.menteeNotALearner" },
        { row: 3, field: "mentee", message: "errors.menteeNotALearner" },
        { row: 4, field: "mentee", message: "errors.menteeNotALearner" },
        { row: 5, field: "mentee", message: "errors.menteeIsCurator" },
      ],
    });
    const single = await callRoute(pair.POST, "/x", { body: { curatorEmail: curator.email, menteeEmail: admin.email } });
    expect(single.status).toBe(422);
    expect(single.json.error?.rows).toEqual([{ row: 1, field: "mentee", message: uk("errors.menteeNotALearner") }]);
    // A curator who is also a learner may have a curator of their own.
    expect((await callRoute(pair.POST, "/x", { body: { curatorEmail: curator.email, menteeEmail: otherCurator.email } })).status).toBe(201);
    expect(await getDb().mentorship.count({ where: { curatorId: curator.id, endedAt: null } })).toBe(1);
  });

  it("is checked again when the curator accepts a request: an account disabled meanwhile is not paired", async () => {
    const place = await createPlace(getDb());
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const learner = await person(place, ["LEARNER"]);
    const request = await getDb().curatorRequest.create({ data: { learnerId: learner.id, curatorId: curator.id } });
    await getDb().user.update({ where: { id: learner.id }, data: { status: "DISABLED" } });
    await signInAs(curator.email);
    const answer = await callRoute(decision.POST, "/x", { params: { id: request.id }, body: { accept: true } });
    expect(answer.status).toBe(409);
    expect(answer.json.error?.message).toBe(uk("errors.menteeNotALearner"));
    expect(await getDb().mentorship.count({ where: { menteeId: learner.id } })).toBe(0);
  });
});

describe("curator requests", () => {
  it("keep one pending request per learner when two are sent at once", async () => {
    const place = await createPlace(getDb());
    const [a, b] = [await person(place, ["CURATOR", "LEARNER"]), await person(place, ["CURATOR", "LEARNER"])];
    const learner = await person(place, ["LEARNER"]);
    await signInAs(learner.email);
    const answers = await Promise.all([a, b].map((c) => callRoute(requests.POST, "/api/v1/curator-requests", { body: { curatorId: c.id } })));
    expect(statuses(answers)).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.json.error?.message).toBe(uk("errors.requestPending"));
    expect(await getDb().curatorRequest.count({ where: { learnerId: learner.id, decidedAt: null } })).toBe(1);
  });

  it("are decided once: of two answers sent at once, one counts and the other answers 409", async () => {
    const place = await createPlace(getDb());
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const learner = await person(place, ["LEARNER"]);
    const request = await getDb().curatorRequest.create({ data: { learnerId: learner.id, curatorId: curator.id } });
    await signInAs(curator.email);
    const answers = await Promise.all(
      [true, false].map((accept) =>
        callRoute(decision.POST, `/api/v1/curator-requests/${request.id}/decision`, { params: { id: request.id }, body: { accept } }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.json.error?.message).toBe(uk("errors.requestDecided"));
    const decided = await getDb().curatorRequest.findUniqueOrThrow({ where: { id: request.id } });
    const winner = answers.find((r) => r.status === 200)!.json as { accepted: boolean };
    expect(decided.accepted).toBe(winner.accepted);
    expect(await getDb().mentorship.count({ where: { menteeId: learner.id, endedAt: null } })).toBe(winner.accepted ? 1 : 0);
    expect(await getDb().notification.count({ where: { userId: learner.id, kind: { in: ["request.accepted", "request.declined"] } } })).toBe(1);
  });
});

describe("one draft self-assessment per person", () => {
  it("saves two first saves sent at once into one draft", async () => {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    await signInAs(learner.email);
    const answers = await Promise.all(
      [2, 3].map((level) => callRoute(draft.PUT, "/api/v1/assessments/draft", { method: "PUT", body: shortFormAnswers(getFramework(), level) })),
    );
    expect(statuses(answers)).toEqual([200, 200]);
    expect(answers[0]!.json.id).toBe(answers[1]!.json.id);
    expect(await getDb().assessment.count({ where: { userId: learner.id, status: "DRAFT" } })).toBe(1);
    const levels = new Set((await getDb().assessmentRating.findMany({ where: { assessmentId: String(answers[0]!.json.id) } })).map((r) => r.level));
    expect(levels.size).toBe(1); // one save's whole answer set, never a mix
    const second = await getDb()
      .assessment.create({ data: { userId: learner.id, frameworkId: "digcomp-sw", frameworkVersion: 1, profileId: "social-work-specialist", form: "SHORT" } })
      .catch((e: unknown) => e);
    expect(constraintError(second)).toMatchObject({ status: 409, message: "errors.draftExists" });
  });

  it("submits once when submitted twice at once: one 201, one 409", async () => {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    await signInAs(learner.email);
    expect((await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), 4) })).status).toBe(200);
    const answers = await Promise.all([1, 2].map(() => callRoute(submit.POST, "/api/v1/assessments/draft/submit")));
    expect(statuses(answers)).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.json.error?.message).toBe(uk("errors.alreadySubmitted"));
    expect(await getDb().assessment.count({ where: { userId: learner.id, status: "SUBMITTED" } })).toBe(1);
  });
});

describe("a submitted self-assessment", () => {
  async function submitted() {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    await signInAs(learner.email);
    await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), 5) });
    const { json } = await callRoute(submit.POST, "/x");
    return { learner, id: String(json.id) };
  }

  it("keeps its ratings, purposes and tool answers against a direct DELETE, and is not deleted itself", async () => {
    const { id } = await submitted();
    const db = getDb();
    const before = await db.assessmentRating.count({ where: { assessmentId: id } });
    expect(before).toBe(getFramework().areas.length);
    await expect(db.assessmentRating.deleteMany({ where: { assessmentId: id } })).rejects.toThrow(/immutable/);
    await expect(db.assessmentPurpose.deleteMany({ where: { assessmentId: id } })).rejects.toThrow(/immutable/);
    await expect(db.assessmentToolUse.deleteMany({ where: { assessmentId: id } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AssessmentRating" WHERE "assessmentId" = $1`, id)).rejects.toThrow(/immutable/);
    const removal = await db.assessment.delete({ where: { id } }).catch((e: unknown) => e);
    expect(constraintError(removal)).toMatchObject({ status: 409, message: "errors.assessmentImmutable" });
    expect(await db.assessmentRating.count({ where: { assessmentId: id } })).toBe(before);
    expect(await db.assessmentPurpose.count({ where: { assessmentId: id } })).toBe(6);
    expect(await db.assessmentToolUse.count({ where: { assessmentId: id } })).toBe(1);
  });

  it("goes with its owner's account when the account is erased", async () => {
    const { learner, id } = await submitted();
    await getDb().user.delete({ where: { id: learner.id } });
    expect(await getDb().assessment.count({ where: { id } })).toBe(0);
    expect(await getDb().assessmentRating.count({ where: { assessmentId: id } })).toBe(0);
  });
});

describe("values the database refuses", () => {
  it("out of range, of an unknown kind, or not a day, whoever writes them", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const [curator, learner] = [await person(place, ["CURATOR", "LEARNER"]), await person(place, ["LEARNER"])];
    const draftRow = await db.assessment.create({
      data: { userId: learner.id, frameworkId: "digcomp-sw", frameworkVersion: 1, profileId: "p", form: "SHORT" },
    });
    const refused: [string, () => Promise<unknown>][] = [
      ["capacity above 200", () => db.user.update({ where: { id: curator.id }, data: { curatorCapacity: 201 } })],
      ["negative capacity", () => db.user.update({ where: { id: curator.id }, data: { curatorCapacity: -1 } })],
      ["daily goal of 0", () => db.user.update({ where: { id: learner.id }, data: { dailyGoalMinutes: 0 } })],
      ["daily goal over 2 hours", () => db.user.update({ where: { id: learner.id }, data: { dailyGoalMinutes: 121 } })],
      ["unknown digest", () => db.user.update({ where: { id: learner.id }, data: { digest: "hourly" } })],
      ["reassessment every 5 days", () => db.organization.update({ where: { id: place.organizationId }, data: { reassessEveryDays: 5 } })],
      ["rating level 9", () => db.assessmentRating.create({ data: { assessmentId: draftRow.id, itemType: "AREA", itemId: "1", level: 9 } })],
      ["assignment of a video", () => db.assignment.create({ data: { curatorId: curator.id, learnerId: learner.id, kind: "video", targetId: LESSON } })],
      [
        "due on the 13th month",
        () => db.assignment.create({ data: { curatorId: curator.id, learnerId: learner.id, kind: "lesson", targetId: LESSON, dueOn: "2026-13-01" } }),
      ],
      [
        "an unknown report",
        () => db.walkthroughReport.create({ data: { walkthroughId: "diia-sign-in", stepId: "s", kind: "bored", regionId: place.regionId } }),
      ],
      [
        "activity of an unknown kind",
        () => db.learningActivity.create({ data: { userId: learner.id, kind: "video", contentId: LESSON, day: "2026-11-30", seconds: 60, at: new Date() } }),
      ],
      [
        "negative seconds",
        () => db.learningActivity.create({ data: { userId: learner.id, kind: "lesson", contentId: LESSON, day: "2026-11-30", seconds: -60, at: new Date() } }),
      ],
      [
        "a day that is not a day",
        () => db.learningActivity.create({ data: { userId: learner.id, kind: "lesson", contentId: LESSON, day: "yesterday", seconds: 60, at: new Date() } }),
      ],
      [
        "a completion day that is not a day",
        () => db.lessonProgress.create({ data: { userId: learner.id, lessonId: LESSON, completedAt: new Date(), completedOn: "30.11.2026" } }),
      ],
      ["a negative step", () => db.walkthroughProgress.create({ data: { userId: learner.id, walkthroughId: "diia-sign-in", step: -1 } })],
      ["a curator of themselves", () => db.mentorship.create({ data: { curatorId: curator.id, menteeId: curator.id } })],
      ["a decision without an answer", () => db.curatorRequest.create({ data: { learnerId: learner.id, curatorId: curator.id, decidedAt: new Date() } })],
    ];
    for (const [what, write] of refused) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(constraintError(error), what).toMatchObject({ status: 422, message: "errors.valueOutOfRange" });
    }
  });

  it("and ids that point at no row", async () => {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    const error = await getDb()
      .feedbackMessage.create({ data: { curatorId: "cl0000000000000000000000x", menteeId: learner.id, authorId: learner.id, body: "Добрий день" } })
      .catch((e: unknown) => e);
    expect(constraintError(error)).toMatchObject({ status: 409, message: "errors.referenceConflict" });
  });
});

describe("other people's history", () => {
  type Db = ReturnType<typeof getDb>;
  /** One piece of a curator's history that a mentee or colleague relies on, and how to count it. */
  const histories: [string, (db: Db, curator: Person, other: Person, place: TestPlace) => Promise<() => Promise<number>>][] = [
    [
      "an assignment they gave",
      async (db, c, o) => {
        await db.assignment.create({ data: { curatorId: c.id, learnerId: o.id, kind: "lesson", targetId: LESSON } });
        return () => db.assignment.count({ where: { curatorId: c.id } });
      },
    ],
    [
      "a mentorship, even an ended one",
      async (db, c, o) => {
        await db.mentorship.create({ data: { curatorId: c.id, menteeId: o.id, endedAt: new Date() } });
        return () => db.mentorship.count({ where: { curatorId: c.id } });
      },
    ],
    [
      "a review of a mentee's rating",
      async (db, c, o) => {
        const a = await db.assessment.create({
          data: {
            userId: o.id,
            frameworkId: "digcomp-sw",
            frameworkVersion: 1,
            profileId: "p",
            form: "SHORT",
            ratings: { create: [{ itemType: "AREA", itemId: "1", level: 3 }] },
          },
        });
        await db.assessment.update({ where: { id: a.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
        await db.ratingReview.create({ data: { assessmentId: a.id, itemType: "AREA", itemId: "1", curatorId: c.id, confirmed: true } });
        return () => db.ratingReview.count({ where: { curatorId: c.id } });
      },
    ],
    [
      "a walkthrough verification",
      async (db, c) => {
        await db.walkthroughVerification.create({ data: { walkthroughId: "diia-sign-in", verifiedById: c.id } });
        return () => db.walkthroughVerification.count({ where: { verifiedById: c.id } });
      },
    ],
    [
      "an invitation they sent",
      async (db, c, _o, p) => {
        await db.invitation.create({
          data: {
            email: `invited.${c.id}@example.org`,
            name: "Запрошена",
            organizationId: p.organizationId,
            roles: ["LEARNER"],
            tokenHash: `hash-${c.id}`,
            invitedById: c.id,
            expiresAt: new Date(Date.now() + DAY),
          },
        });
        return () => db.invitation.count({ where: { invitedById: c.id } });
      },
    ],
    [
      "a request a learner sent them",
      async (db, c, o) => {
        await db.curatorRequest.create({ data: { learnerId: o.id, curatorId: c.id, decidedAt: new Date(), accepted: false } });
        return () => db.curatorRequest.count({ where: { curatorId: c.id } });
      },
    ],
    [
      "a feedback thread with a mentee",
      async (db, c, o) => {
        await db.feedbackMessage.create({ data: { curatorId: c.id, menteeId: o.id, authorId: o.id, body: "Дякую за пораду" } });
        return () => db.feedbackMessage.count({ where: { curatorId: c.id } });
      },
    ],
  ];

  it.each(histories)("keeps %s: the curator's account is not deleted from under it", async (_what, make) => {
    const db = getDb();
    const place = await createPlace(db);
    const [curator, other] = [await person(place, ["CURATOR", "LEARNER"]), await person(place, ["LEARNER"])];
    const count = await make(db, curator, other, place);
    const error = await db.user.delete({ where: { id: curator.id } }).catch((e: unknown) => e);
    expect(constraintError(error)).toMatchObject({ status: 409, message: "errors.referenceConflict" });
    expect(await db.user.count({ where: { id: curator.id } })).toBe(1);
    expect(await count()).toBe(1);
  });

  it("keeps the reports a deleted methodologist resolved, unattributed", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const methodologist = await person(place, ["METHODOLOGIST"]);
    const report = await db.walkthroughReport.create({
      data: {
        walkthroughId: "diia-sign-in",
        stepId: "bank-sign-in",
        kind: "stuck",
        regionId: place.regionId,
        resolvedAt: new Date(),
        resolvedById: methodologist.id,
      },
    });
    await db.user.delete({ where: { id: methodologist.id } });
    expect(await db.walkthroughReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ resolvedById: null, resolvedAt: expect.any(Date) });
  });
});

describe("organization names", () => {
  it("are unique within a hromada, not across the country", async () => {
    const db = getDb();
    const [here, there] = [await createPlace(db), await createPlace(db)];
    const admin = await person(here, ["ADMIN"]);
    await signInAs(admin.email);
    const name = "Центр надання соціальних послуг";
    const create = (hromadaId: string, n = name) =>
      callRoute(organizations.POST, "/api/v1/directory/organizations", { body: { hromadaId, name: n, kind: "SOCIAL_SERVICES_CENTRE" } });
    expect((await create(here.hromadaId)).status).toBe(201);
    expect((await create(there.hromadaId)).status).toBe(201);
    const again = await create(here.hromadaId, name.toUpperCase());
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toBe(uk("errors.organizationExists"));
    const direct = await db.organization.create({ data: { hromadaId: here.hromadaId, name } }).catch((e: unknown) => e);
    expect(constraintError(direct)).toMatchObject({ status: 409, message: "errors.organizationExists" });
    expect(await db.organization.count({ where: { name } })).toBe(2);
  });

  it("that two hromadas share are told apart in a CSV import by the hromada in brackets", () => {
    const admin = { id: "a", roles: ["ADMIN" as const], organizationId: "o", hromadaId: "h", regionId: "r" };
    const orgs = [
      { id: "one", name: "Центр соціальних послуг", hromadas: ["Решетилівська громада"] },
      { id: "two", name: "Центр соціальних послуг", hromadas: ["Овруцька громада"] },
    ];
    const csv =
      "name,email,organization,roles\nОлена Коваленко,o.k@example.org,Центр соціальних послуг,learner\nТарас Бондар,t.b@example.org,Центр соціальних послуг (Овруцька громада),learner\n";
    const parsed = parseImportCsv(csv, orgs, admin);
    expect(parsed.errors).toEqual([{ row: 2, field: "organization", message: "errors.organizationAmbiguous" }]);
    expect(parsed.rows.map((r) => [r.email, r.organizationId])).toEqual([["t.b@example.org", "two"]]);
  });
});

describe("assignments", () => {
  async function assigned() {
    const place = await createPlace(getDb());
    const curator = await person(place, ["CURATOR", "LEARNER"]);
    const learner = await person(place, ["LEARNER"]);
    await createMentorship(getDb(), curator.id, learner.id);
    await signInAs(curator.email);
    const created = await callRoute(assignments.POST, "/x", { body: { learnerId: learner.id, kind: "lesson", targetId: LESSON } });
    expect(created.status).toBe(201);
    return { curator, learner, id: String(created.json.id) };
  }

  it("finished twice at once are marked done and reported to the curator once", async () => {
    const { curator, learner, id } = await assigned();
    await Promise.all([completeLesson(learner, LESSON, { minutes: 4, answers: [] }), completeLesson(learner, LESSON, { minutes: 4, answers: [] })]);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id } })).completedAt).not.toBeNull();
    expect(await getDb().notification.count({ where: { userId: curator.id, kind: "assignment.completed" } })).toBe(1);
  });

  it("withdrawn while being finished end one way only: withdrawn, or done and the withdrawal refused", async () => {
    const { curator, learner, id } = await assigned();
    const [withdrawal] = await Promise.allSettled([cancelAssignment(curator, id), completeLesson(learner, LESSON, { minutes: 4, answers: [] })]);
    const row = await getDb().assignment.findUnique({ where: { id } });
    const told = await getDb().notification.count({ where: { userId: curator.id, kind: "assignment.completed" } });
    if (withdrawal.status === "fulfilled") {
      expect(row).toBeNull();
      expect(told).toBe(0);
    } else {
      expect(withdrawal.reason).toMatchObject({ status: 409, message: "errors.assignmentDone" });
      expect(row?.completedAt).not.toBeNull();
      expect(told).toBe(1);
    }
  });
});

describe("when learning counts", () => {
  const path = `/api/v1/lessons/${LESSON}/completion`;

  it("is the claimed time within a week before the server receives it; older or ahead of the clock counts on the day it arrives", async () => {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    await signInAs(learner.email);
    const send = (doneAt: Date) => callRoute(completion.POST, path, { params: { id: LESSON }, body: { doneAt: doneAt.toISOString(), minutes: 4 } });
    const today = kyivDay(new Date());

    // Claimed eight days ago: the lesson is done (nothing is lost) but counts today, not back then.
    const tooOld = await send(new Date(Date.now() - 8 * DAY));
    expect(tooOld.status).toBe(201);
    expect(tooOld.json.completedOn).toBe(today);
    const backFilled = await getDb().learningActivity.count({ where: { userId: learner.id, day: { lt: today } } });
    expect(backFilled).toBe(0);

    // A clock ten minutes (or a year) fast counts as now.
    for (const ahead of [10 * 60 * 1000, 365 * DAY]) {
      const res = await send(new Date(Date.now() + ahead));
      expect(res.status).toBe(201);
      const latest = await getDb().learningActivity.findFirstOrThrow({ where: { userId: learner.id }, orderBy: { receivedAt: "desc" } });
      expect(latest.day).toBe(today);
      expect(Math.abs(latest.at.getTime() - latest.receivedAt.getTime())).toBeLessThan(1000);
    }

    // Done offline six days ago: it counts on that day, and the server notes when it heard of it.
    const offline = new Date(Date.now() - 6 * DAY);
    const late = await send(offline);
    expect(late.status).toBe(201);
    expect(late.json.completedOn).toBe(kyivDay(offline));
    const activity = await getDb().learningActivity.findFirstOrThrow({ where: { userId: learner.id, at: offline } });
    expect(Math.abs(activity.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("bounds a review answer the same way", async () => {
    const place = await createPlace(getDb());
    const learner = await person(place, ["LEARNER"]);
    const item = getLesson(LESSON, "uk")!.items[0]!.id;
    await completeLesson(learner, LESSON, { minutes: 4, answers: [{ itemId: item, correct: false }] });
    await signInAs(learner.email);
    const answer = (answeredAt: Date) =>
      callRoute(reviews.POST, "/api/v1/reviews", {
        body: { lessonId: LESSON, itemId: item, correct: true, seconds: 20, answeredAt: answeredAt.toISOString() },
      });
    const old = await answer(new Date(Date.now() - 8 * DAY));
    expect(old.status).toBe(201);
    const reviewed = await getDb().learningActivity.findMany({ where: { userId: learner.id, kind: "review" }, select: { day: true } });
    expect(reviewed).toEqual([{ day: kyivDay(new Date()) }]);
  });
});

describe("what the jobs and pages scan", () => {
  it("has a trigram index for the user search, which finds any part of a name or e-mail", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const admin = await person(place, ["ADMIN"]);
    const learner = await person(place, ["LEARNER"]);
    const fragment = learner.email.slice(2, 9).toUpperCase();
    expect((await findUsers(admin, fragment)).rows.map((r) => r.id)).toContain(learner.id);
    expect((await findUsers(admin, learner.name.slice(3, 10).toLowerCase())).rows.map((r) => r.id)).toContain(learner.id);

    const plans = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      const plan = async (column: string) =>
        (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "id" FROM "User" WHERE "${column}" ILIKE '%${fragment.replace(/'/g, "''")}%'`))
          .map((r) => r["QUERY PLAN"])
          .join("\n");
      return { name: await plan("name"), email: await plan("email") };
    });
    expect(plans.name).toContain("User_name_trgm_idx");
    expect(plans.email).toContain("User_email_trgm_idx");
  });

  it("indexes open assignments by due day and feedback by mentee", async () => {
    const indexes = (
      await getDb().$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`)
    ).map((r) => [r.indexname, r.indexdef]);
    const byName = new Map(indexes as [string, string][]);
    expect(byName.get("Assignment_dueOn_open_idx")).toMatch(/\("dueOn"\) WHERE \("completedAt" IS NULL\)/);
    expect(byName.get("FeedbackMessage_menteeId_curatorId_idx")).toMatch(/\("menteeId", "curatorId"\)/);
  });
});
