import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { AppError } from "../../server/errors";
import type { Actor } from "../../server/authz/policy";
import { callRoute, signInAs } from "../helpers/api";
import { createMentorship, createPerson, createPlace, type TestPlace } from "../factories/people";
import { getCaseload, getCaseloadCurator, getMenteeWork, type CaseloadRow, type MenteeWork } from "../../features/mentoring/server/caseload";
import { getFeedbackThread, markFeedbackRead } from "../../features/mentoring/server/feedback";
import { getCompetenceOverview } from "../../features/competences/server/get-my-competences";
import { listMyMentees } from "../../features/competences/server/list-mentees";
import { queueRegions } from "../../features/walkthroughs/server/reports";
import * as assignments from "../../app/api/v1/assignments/route";
import * as feedback from "../../app/api/v1/feedback/route";
import * as readFeedback from "../../app/api/v1/feedback/[curatorId]/[menteeId]/read/route";
import * as invitations from "../../app/api/v1/invitations/route";
import * as manageUser from "../../app/api/v1/users/[id]/[action]/route";

/**
 * The named cross-user access suite: a curator sees only their current mentees, a region only
 * itself, and whoever may not know that something exists gets the same answer as for something
 * that does not exist. Each test makes its own two regions and people (tests/factories/people.ts).
 */

const NO_SUCH_ID = "cl0000000000000000000000x";

type Person = Actor & { email: string; name: string };

async function person(place: TestPlace, roles: Role[], locale: "uk" | "en" = "uk"): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, locale });
  return { id: p.id, email: p.email, name: p.name, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId };
}

/** Two regions: a curator with a mentee, an unrelated curator with their own mentee, the methodologists, a learner, an admin. */
async function world() {
  const db = getDb();
  const [here, there] = [await createPlace(db), await createPlace(db)];
  const curator = await person(here, ["CURATOR", "LEARNER"]);
  const mentee = await person(here, ["LEARNER"]);
  const otherCurator = await person(here, ["CURATOR", "LEARNER"]);
  const otherMentee = await person(here, ["LEARNER"]);
  const methodologist = await person(here, ["METHODOLOGIST"]);
  const foreignMethodologist = await person(there, ["METHODOLOGIST"]);
  const learner = await person(here, ["LEARNER"]);
  const admin = await person(there, ["ADMIN"]);
  await createMentorship(db, curator.id, mentee.id);
  await createMentorship(db, otherCurator.id, otherMentee.id);
  const assignment = await db.assignment.create({
    data: { curatorId: curator.id, learnerId: mentee.id, kind: "lesson", targetId: "strong-passwords", message: "Для наради в четвер" },
  });
  const message = await db.feedbackMessage.create({
    data: { curatorId: curator.id, menteeId: mentee.id, authorId: curator.id, body: "Як минула консультація?" },
  });
  return { here, there, curator, mentee, otherCurator, otherMentee, methodologist, foreignMethodologist, learner, admin, assignment, message };
}

/** The status a refused feature call answers with (and that it was refused at all). */
async function refusal(call: Promise<unknown>): Promise<number> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).status;
}

// The old signatures, as a caller that still passes its own claims would call them.
const getMenteeWorkClaiming = getMenteeWork as unknown as (
  actor: Actor,
  learnerId: string,
  actorMentorsLearner: boolean,
  regionId?: string,
) => Promise<MenteeWork>;
const getCaseloadClaiming = getCaseload as unknown as (actor: Actor, now: Date, of: { curatorId: string; regionId: string }) => Promise<CaseloadRow[]>;

describe("cross-user access", () => {
  it("an unrelated curator, another region and a learner cannot read a learner's work, whatever they claim: 404 as for nobody", async () => {
    const w = await world();
    for (const outsider of [w.otherCurator, w.foreignMethodologist, w.learner]) {
      expect(await refusal(getMenteeWork(outsider, w.mentee.id)), outsider.email).toBe(404);
      expect(await refusal(getMenteeWork(outsider, NO_SUCH_ID)), outsider.email).toBe(404);
      // Extra arguments that once said "I mentor this learner" (and in which region) change nothing.
      expect(await refusal(getMenteeWorkClaiming(outsider, w.mentee.id, true, outsider.regionId)), outsider.email).toBe(404);
    }
    // Those who may: the curator (who assigns), the region (read-only), an admin, the learner.
    expect((await getMenteeWork(w.curator, w.mentee.id)).assignments.map((a) => a.id)).toEqual([w.assignment.id]);
    expect(await getMenteeWork(w.methodologist, w.mentee.id)).toMatchObject({ view: "region", assignments: [{ id: w.assignment.id }] });
    expect((await getMenteeWork(w.admin, w.mentee.id)).view).toBe("region");
    expect((await getMenteeWork(w.mentee, w.mentee.id)).view).toBe("self");
  });

  it("a caseload opens for its curator, the region's methodologists and admins; anyone else gets 404, claims or not", async () => {
    const w = await world();
    expect((await getCaseload(w.curator)).map((r) => r.id)).toEqual([w.mentee.id]);
    expect((await getCaseload(w.methodologist, { curatorId: w.curator.id })).map((r) => r.id)).toEqual([w.mentee.id]);
    expect((await getCaseload(w.admin, { curatorId: w.curator.id })).map((r) => r.id)).toEqual([w.mentee.id]);
    expect(await getCaseloadCurator(w.methodologist, w.curator.id)).toEqual({ id: w.curator.id, name: w.curator.name });

    for (const outsider of [w.otherCurator, w.foreignMethodologist, w.learner, w.mentee]) {
      expect(await refusal(getCaseload(outsider, { curatorId: w.curator.id })), outsider.email).toBe(404);
      expect(await refusal(getCaseload(outsider, { curatorId: NO_SUCH_ID })), outsider.email).toBe(404);
    }
    // A methodologist of another region who names the curator's region as their own sees nothing of it.
    const claimed = await getCaseloadClaiming(w.foreignMethodologist, new Date(), { curatorId: w.curator.id, regionId: w.foreignMethodologist.regionId }).then(
      (rows) => rows,
      (e: unknown) => e,
    );
    expect(claimed).toBeInstanceOf(AppError);
    // The unrelated curator's own lists hold only their own mentee.
    expect((await getCaseload(w.otherCurator)).map((r) => r.id)).toEqual([w.otherMentee.id]);
    expect((await listMyMentees(w.otherCurator)).map((r) => r.id)).toEqual([w.otherMentee.id]);
    expect(await listMyMentees(w.learner)).toEqual([]);
  });

  it("a feedback thread exists only for its two people: anyone else gets 404, as for a thread that never was", async () => {
    const w = await world();
    for (const outsider of [w.otherCurator, w.methodologist, w.admin, w.otherMentee]) {
      expect(await refusal(getFeedbackThread(outsider, w.curator.id, w.mentee.id)), outsider.email).toBe(404);
      expect(await refusal(getFeedbackThread(outsider, w.curator.id, NO_SUCH_ID)), outsider.email).toBe(404);
      expect(await refusal(markFeedbackRead(outsider, w.curator.id, w.mentee.id)), outsider.email).toBe(404);
    }
    // A learner naming a curator they were never paired with learns nothing, not even the name.
    expect(await refusal(getFeedbackThread(w.otherMentee, w.curator.id, w.otherMentee.id))).toBe(404);
    expect((await getFeedbackThread(w.mentee, w.curator.id, w.mentee.id)).messages.map((m) => m.id)).toEqual([w.message.id]);

    await signInAs(w.otherCurator.email);
    const post = await callRoute(feedback.POST, "/api/v1/feedback", { body: { curatorId: w.curator.id, menteeId: w.mentee.id, body: "Привіт" } });
    expect(post.status).toBe(404);
    const read = await callRoute(readFeedback.POST, "/x", { params: { curatorId: w.curator.id, menteeId: w.mentee.id }, body: {} });
    expect(read.status).toBe(404);
    expect(await getDb().feedbackMessage.findMany({ where: { curatorId: w.curator.id, menteeId: w.mentee.id }, select: { id: true, readAt: true } })).toEqual([
      { id: w.message.id, readAt: null },
    ]);
  });

  it("only a learner's current curator assigns them work: everyone else gets 403 and nothing is written, for a real id or none", async () => {
    const w = await world();
    for (const outsider of [w.otherCurator, w.methodologist, w.admin, w.learner, w.mentee]) {
      await signInAs(outsider.email);
      for (const learnerId of [w.mentee.id, NO_SUCH_ID]) {
        const res = await callRoute(assignments.POST, "/api/v1/assignments", { body: { learnerId, kind: "lesson", targetId: "two-factor-sign-in" } });
        expect(res.status, `${outsider.email} → ${learnerId}`).toBe(403);
        expect(res.json.error?.message).toBe("У вас немає доступу до цієї дії.");
      }
    }
    expect(await getDb().assignment.count({ where: { learnerId: w.mentee.id } })).toBe(1);
    await signInAs(w.curator.email);
    expect(
      (await callRoute(assignments.POST, "/api/v1/assignments", { body: { learnerId: w.mentee.id, kind: "lesson", targetId: "two-factor-sign-in" } })).status,
    ).toBe(201);
  });

  it("a self-assessment profile is the owner's and their current curator's; others get 404 as for nobody", async () => {
    const w = await world();
    expect((await getCompetenceOverview(w.curator, w.mentee.id, "uk")).ownerName).toBe(w.mentee.name);
    for (const outsider of [w.otherCurator, w.methodologist, w.admin]) {
      expect(await refusal(getCompetenceOverview(outsider, w.mentee.id, "uk")), outsider.email).toBe(404);
      expect(await refusal(getCompetenceOverview(outsider, NO_SUCH_ID, "uk")), outsider.email).toBe(404);
    }
  });

  it("a region sees only itself: another region's accounts answer 404 like accounts that do not exist", async () => {
    const w = await world();
    await signInAs(w.foreignMethodologist.email);
    for (const id of [w.mentee.id, NO_SUCH_ID]) {
      const res = await callRoute(manageUser.POST, "/x", { params: { id, action: "disable" } });
      expect(res.status, id).toBe(404);
    }
    // Someone with no say over accounts is refused before any lookup: the same 403 either way.
    await signInAs(w.curator.email);
    for (const id of [w.mentee.id, NO_SUCH_ID]) expect((await callRoute(manageUser.POST, "/x", { params: { id, action: "disable" } })).status, id).toBe(403);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: w.mentee.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect((await queueRegions(w.methodologist)).map((r) => r.id)).toEqual([w.here.regionId]);
    expect(await queueRegions(w.curator)).toEqual([]);
  });

  it("says 'no access' in the reader's language", async () => {
    const w = await world();
    const english = await person(w.here, ["LEARNER"], "en");
    const invite = { email: "someone.new@example.org", name: "Ганна Нова", organizationId: w.here.organizationId, roles: ["LEARNER"], locale: "uk" };
    await signInAs(w.learner.email);
    const uk = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite });
    expect(uk.status).toBe(403);
    expect(uk.json.error?.message).toBe("У вас немає доступу до цієї дії.");
    await signInAs(english.email);
    const en = await callRoute(invitations.POST, "/api/v1/invitations", { body: invite });
    expect(en.json.error?.message).toBe("You do not have permission to do this.");
  });
});

describe("declared route permissions", () => {
  /** Every write handler under app/api/v1, with the line that declares its spec. */
  function writeHandlers(): { file: string; method: string; source: string }[] {
    const root = join(process.cwd(), "app/api/v1");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name === "route.ts") files.push(path);
      }
    };
    walk(root);
    return files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      // The spec (with any permission) is the first argument, on the handler's first line.
      return [...text.matchAll(/export const (POST|PUT|PATCH|DELETE) = handle\(([^\n]*)/g)].map((m) => ({
        file: relative(root, file),
        method: m[1]!,
        source: m[2]!,
      }));
    });
  }

  it("never gate a write with a read permission", () => {
    const writes = writeHandlers();
    expect(writes.length).toBeGreaterThan(30);
    const gatedByRead = writes.filter((w) => /permission:\s*"read:/.test(w.source)).map((w) => `${w.method} ${w.file}`);
    expect(gatedByRead).toEqual([]);
    const declared = writes
      .filter((w) => /permission:/.test(w.source))
      .map((w) => `${w.method} ${w.file}`)
      .sort();
    expect(declared).toEqual([
      "DELETE invitations/[id]/route.ts",
      "POST authoring/items/[id]/approve/route.ts",
      "POST authoring/items/[id]/draft/route.ts",
      "POST authoring/items/[id]/files/route.ts",
      "POST authoring/items/[id]/return/route.ts",
      "POST authoring/items/[id]/rollback/route.ts",
      "POST authoring/items/[id]/submit/route.ts",
      "POST authoring/items/[id]/withdraw/route.ts",
      "POST authoring/items/route.ts",
      "POST authoring/tracks/route.ts",
      "POST community/groups/route.ts",
      "POST community/spaces/route.ts",
      "POST files/route.ts",
      "POST invitations/route.ts",
      "POST users/[id]/[action]/route.ts",
      "POST users/[id]/erase/route.ts",
      "POST users/import/route.ts",
      "POST workshops/route.ts",
    ]);
  });
});
