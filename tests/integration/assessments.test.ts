import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { insertSubmittedAssessment, shortFormAnswers } from "../factories/assessments";
import { createMentorship, createPerson, createPlace } from "../factories/people";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs } from "../helpers/api";
import { copyContent, editJson } from "../fixtures/framework-copy";
import { getFramework } from "../../features/competences/server/framework";
import { listLessons } from "../../features/lessons/server/catalog";
import { listWalkthroughs } from "../../features/walkthroughs/server/catalog";
import { getCompetenceOverview } from "../../features/competences/server/get-my-competences";
import { resolveSession } from "../../server/auth/current-user";
import * as draft from "../../app/api/v1/assessments/draft/route";
import * as submit from "../../app/api/v1/assessments/draft/submit/route";
import * as reviews from "../../app/api/v1/assessments/[id]/reviews/route";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import { currentSessionToken } from "../helpers/api";

const savedContentDir = process.env.CONTENT_DIR;
afterEach(() => {
  if (savedContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = savedContentDir;
});

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

async function takeShortForm(email: string, level: number | ((areaId: string) => number), key = `k-${Math.random().toString(36).slice(2, 12)}`) {
  await signInAs(email);
  const saved = await callRoute(draft.PUT, "/api/v1/assessments/draft", { method: "PUT", body: shortFormAnswers(getFramework(), level) });
  expect(saved.status).toBe(200);
  const done = await callRoute(submit.POST, "/api/v1/assessments/draft/submit", { headers: { "idempotency-key": key } });
  expect(done.status).toBe(201);
  return String(done.json.id);
}

describe("the self-assessment", () => {
  it("saves a draft as the learner goes and resumes it; submitting early lists what is missing", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const partial = {
      form: "SHORT",
      ratings: [{ itemType: "AREA", itemId: "1", level: 3, note: "Шукаю в Google, але не завжди перевіряю джерела" }],
      purposes: { searching: "ALWAYS" },
    };
    const first = await callRoute(draft.PUT, "/x", { method: "PUT", body: partial });
    expect(first.status).toBe(200);
    const again = await callRoute(draft.PUT, "/x", {
      method: "PUT",
      body: { ...partial, ratings: [...partial.ratings, { itemType: "AREA", itemId: "2", level: 4 }] },
    });
    expect(again.json.id).toBe(first.json.id);
    const stored = await getDb().assessment.findUniqueOrThrow({ where: { id: String(first.json.id) }, include: { ratings: true, purposes: true } });
    expect(stored.status).toBe("DRAFT");
    expect(stored.ratings.map((r) => r.itemId).sort()).toEqual(["1", "2"]);
    expect(stored.ratings.find((r) => r.itemId === "1")?.note).toContain("Google");

    const early = await callRoute(submit.POST, "/x");
    expect(early.status).toBe(422);
    expect(early.json.error?.fields?.ratings).toEqual(["3", "4", "5", "SW"]);
    expect(early.json.error?.fields?.purposes).toHaveLength(5);
  });

  it("refuses answers to questions that are not in the form", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const wrong = await callRoute(draft.PUT, "/x", {
      method: "PUT",
      body: {
        form: "SHORT",
        ratings: [
          { itemType: "COMPETENCE", itemId: "1.1", level: 3 },
          { itemType: "AREA", itemId: "42", level: 3 },
        ],
      },
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.json.error?.fields ?? {})).toEqual(["ratings.0.itemId", "ratings.1.itemId"]);
    const badLevel = await callRoute(draft.PUT, "/x", { method: "PUT", body: { form: "SHORT", ratings: [{ itemType: "AREA", itemId: "1", level: 9 }] } });
    expect(badLevel.status).toBe(400);
  });

  it("submits once for a replayed key, records where the person worked, and shows profile, gaps and change", async () => {
    const email = "iryna.shevchuk@demo.skhodynky.org";
    const key = "submit-once-key-001";
    const id = await takeShortForm(email, 2, key);
    const replay = await callRoute(submit.POST, "/api/v1/assessments/draft/submit", { headers: { "idempotency-key": key } });
    expect(replay.status).toBe(201);
    expect(replay.json.id).toBe(id);
    const actor = await actorFor(email);
    expect(await getDb().assessment.count({ where: { userId: actor.id, status: "SUBMITTED" } })).toBe(1);
    const row = await getDb().assessment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      regionId: actor.regionId,
      hromadaId: actor.hromadaId,
      organizationId: actor.organizationId,
      frameworkVersion: 1,
      profileId: "social-work-specialist",
    });

    const first = (await getCompetenceOverview(actor, actor.id, "uk"))!;
    expect(first.latest?.areaLevels.every((a) => a.level === 2)).toBe(true);
    expect(first.gaps.length).toBeGreaterThan(0);
    expect(first.gaps.every((g) => g.estimated && g.level === 2 && g.target > 2)).toBe(true);
    expect(first.changes).toEqual([]);
    expect(first.isDue).toBe(false);

    await takeShortForm(email, (area) => (area === "SW" ? 5 : area === "4" ? 1 : 2));
    const second = (await getCompetenceOverview(actor, actor.id, "en"))!;
    expect(second.history).toHaveLength(2);
    expect(second.changes.map((c) => [c.id, c.from, c.to])).toEqual([
      ["4", 2, 1],
      ["SW", 2, 5],
    ]);
    expect(second.changes.find((c) => c.id === "SW")?.title).toBe("Digital tools in social work practice");
  });

  it("keeps a submitted assessment immutable, even against a direct database write", async () => {
    const id = await takeShortForm("yuliia.marchenko@demo.skhodynky.org", 3);
    await expect(getDb().assessmentRating.updateMany({ where: { assessmentId: id }, data: { level: 8 } })).rejects.toThrow(/immutable/);
    await expect(getDb().assessment.update({ where: { id }, data: { form: "FULL" } })).rejects.toThrow(/immutable/);
    await expect(getDb().assessmentRating.create({ data: { assessmentId: id, itemType: "COMPETENCE", itemId: "1.1", level: 8 } })).rejects.toThrow(/immutable/);
    const ratings = await getDb().assessmentRating.findMany({ where: { assessmentId: id } });
    expect(ratings.every((r) => r.level === 3)).toBe(true);
    // A new draft starts fresh; the submitted one is untouched.
    const next = await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), 6) });
    expect(next.json.id).not.toBe(id);
  });

  it("reads an old assessment with the framework version it used after a new version is published", async () => {
    const email = "mykola.savenko@demo.skhodynky.org";
    const id = await takeShortForm(email, 4);
    const root = copyContent();
    const v2 = join(root, "competences/digcomp-sw/v2");
    cpSync(join(root, "competences/digcomp-sw/v1"), v2, { recursive: true });
    editJson(join(v2, "framework.json"), (v) => {
      const meta = v as { version: number; areas: { id: string; title: { uk: string; en: string } }[] };
      meta.version = 2;
      meta.areas.find((a) => a.id === "SW")!.title = { uk: "Професійні цифрові практики", en: "Professional digital practice" };
    });
    process.env.CONTENT_DIR = root;
    expect(getFramework().version).toBe(2);

    const actor = await actorFor(email);
    const overview = (await getCompetenceOverview(actor, actor.id, "en"))!;
    expect(overview.latest?.id).toBe(id);
    expect(overview.latest?.frameworkVersion).toBe(1);
    expect(overview.latest?.areaLevels.find((a) => a.areaId === "SW")?.title).toBe("Digital tools in social work practice");
    expect(overview.latest?.areaLevels.every((a) => a.level === 4)).toBe(true);
    expect((await getDb().assessment.findUniqueOrThrow({ where: { id } })).frameworkVersion).toBe(1);

    // A new draft is taken on the new version.
    const fresh = await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), 5) });
    expect(fresh.json.frameworkVersion).toBe(2);
  });
});

describe("gaps", () => {
  it("link to the lessons and walkthroughs whose frontmatter lists the competence, not to the framework's resources", async () => {
    const root = copyContent();
    // A framework that names other content for SW.1 (published versions name none): it is not what teaches it.
    editJson(join(root, "competences/digcomp-sw/v1/competences/area-sw.json"), (v) => {
      const file = v as { competences: { id: string; resources: string[] }[] };
      file.competences.find((c) => c.id === "SW.1")!.resources = ["lesson:choosing-a-channel", "walkthrough:zoom-call-elderly-client"];
    });
    process.env.CONTENT_DIR = root;
    const email = "alla.melnyk@demo.skhodynky.org";
    await takeShortForm(email, 1);
    const actor = await actorFor(email);
    const overview = (await getCompetenceOverview(actor, actor.id, "uk"))!;
    const sw1 = overview.gaps.find((g) => g.competenceId === "SW.1")!;
    const teachingSw1 = listLessons("uk").filter((l) => l.competences.includes("SW.1"));
    const guidesSw1 = listWalkthroughs("uk").filter((w) => w.competences.includes("SW.1"));
    expect(teachingSw1.length).toBeGreaterThan(0);
    expect(guidesSw1.length).toBeGreaterThan(0);
    expect(sw1.lessons.map((l) => l.id).sort()).toEqual(teachingSw1.map((l) => l.id).sort());
    expect(sw1.walkthroughs.map((w) => w.id).sort()).toEqual(guidesSw1.map((w) => w.id).sort());
    expect(sw1.lessons.map((l) => l.id)).not.toContain("choosing-a-channel");
    expect(sw1.walkthroughs.map((w) => w.id)).not.toContain("zoom-call-elderly-client");
    expect(sw1.lessons[0]?.title).toBe(teachingSw1.find((l) => l.id === sw1.lessons[0]?.id)?.title);
  });
});

/** A curator and a mentee of a place of this test's own. */
async function createPair() {
  const db = getDb();
  const place = await createPlace(db);
  const curator = await createPerson(db, { organizationId: place.organizationId, roles: ["CURATOR", "LEARNER"] });
  const mentee = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
  await createMentorship(db, curator.id, mentee.id);
  return { curator, mentee };
}

describe("what to work on", () => {
  it("shows the three widest gaps, each with unfinished lessons and guides, none twice, and all gaps apart", async () => {
    const { curator, mentee } = await createPair();
    await takeShortForm(mentee.email, 1);
    const owner = await actorFor(mentee.email);
    const before = (await getCompetenceOverview(owner, owner.id, "uk"))!;
    // Every competence is below its target: many gaps, and the same lessons teach several of them.
    expect(before.gaps.length).toBeGreaterThan(10);
    const allLinks = before.gaps.flatMap((g) => [...g.lessons.map((l) => `lesson:${l.id}`), ...g.walkthroughs.map((w) => `walkthrough:${w.id}`)]);
    expect(new Set(allLinks).size).toBeLessThan(allLinks.length);

    expect(before.focus.map((g) => g.competenceId)).toEqual(before.gaps.slice(0, 3).map((g) => g.competenceId));
    const widths = before.gaps.map((g) => g.gap);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    const shown = before.focus.flatMap((g) => g.items.map((i) => `${i.kind}:${i.id}`));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown).size).toBe(shown.length);

    // Finishing a lesson listed first takes it off the list; the gap notes it as done.
    const first = before.focus.find((g) => g.items.some((i) => i.kind === "lesson"))!;
    const lesson = first.items.find((i) => i.kind === "lesson")!;
    await signInAs(mentee.email);
    expect((await callRoute(completion.POST, "/x", { params: { id: lesson.id }, body: { minutes: 4 } })).status).toBe(201);
    const after = (await getCompetenceOverview(owner, owner.id, "uk"))!;
    expect(after.focus.flatMap((g) => g.items.map((i) => i.id))).not.toContain(lesson.id);
    expect(after.focus.find((g) => g.competenceId === first.competenceId)!.doneCount).toBe(1);
    expect(after.gaps).toHaveLength(before.gaps.length);

    // The curator reading the mentee's profile gets the same list, from what the mentee finished.
    const curatorView = (await getCompetenceOverview(await actorFor(curator.email), mentee.id, "uk"))!;
    expect(curatorView.focus).toEqual(after.focus);
  });
});

describe("the ratings waiting for the curator", () => {
  it("lists every rating of the latest assessment the curator has not reviewed, and only for the curator", async () => {
    const { curator, mentee } = await createPair();
    const id = await takeShortForm(mentee.email, (area) => (area === "4" ? 2 : 3));
    const curatorActor = await actorFor(curator.email);
    const first = (await getCompetenceOverview(curatorActor, mentee.id, "uk"))!;
    expect(first.toReview.map((r) => [r.itemType, r.itemId])).toEqual(getFramework().areas.map((a) => ["AREA", a.id]));
    expect(first.toReview.find((r) => r.itemId === "4")).toMatchObject({ title: "Безпека", level: 2 });

    await signInAs(curator.email);
    expect((await callRoute(reviews.PUT, "/x", { method: "PUT", params: { id }, body: { itemType: "AREA", itemId: "4", confirmed: true } })).status).toBe(200);
    expect(
      (await callRoute(reviews.PUT, "/x", { method: "PUT", params: { id }, body: { itemType: "AREA", itemId: "SW", confirmed: false, comment: "Поговорімо" } }))
        .status,
    ).toBe(200);
    const later = (await getCompetenceOverview(curatorActor, mentee.id, "uk"))!;
    expect(later.toReview.map((r) => r.itemId)).toEqual(["1", "2", "3", "5"]);
    expect(later.latest!.competences.find((c) => c.areaId === "4")!.reviews).toEqual([
      expect.objectContaining({ curatorName: curator.name, confirmed: true, byViewer: true }),
    ]);

    // The mentee reads the same reviews as someone else's, and has nothing to review.
    const own = (await getCompetenceOverview(await actorFor(mentee.email), mentee.id, "uk"))!;
    expect(own.toReview).toEqual([]);
    expect(own.latest!.competences.find((c) => c.areaId === "4")!.reviews[0]!.byViewer).toBe(false);
  });
});

describe("the reassessment invitation", () => {
  it("is due once the organization's interval has passed since the last submission", async () => {
    const actor = await actorFor("roman.danyliuk@demo.skhodynky.org");
    await insertSubmittedAssessment(getDb(), {
      userId: actor.id,
      regionId: actor.regionId,
      hromadaId: actor.hromadaId,
      organizationId: actor.organizationId,
      submittedAt: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000),
      form: "SHORT",
      ratings: getFramework().areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id, level: 3 })),
      purposes: { interaction: "OFTEN" },
    });
    const at90 = (await getCompetenceOverview(actor, actor.id, "uk"))!;
    expect(at90).toMatchObject({ everyDays: 90, isDue: false });
    expect(new Date(at90.nextDue!).getTime() - Date.now()).toBeGreaterThan(49 * 24 * 60 * 60 * 1000);
    await getDb().organization.update({ where: { id: actor.organizationId }, data: { reassessEveryDays: 30 } });
    expect(await getCompetenceOverview(actor, actor.id, "uk")).toMatchObject({ everyDays: 30, isDue: true });
  });
});

describe("a curator's review of a self-rating", () => {
  it("is open to the current curator only, shown beside the rating and never changes it", async () => {
    const id = await takeShortForm("learner@demo.skhodynky.org", 3);

    await signInAs("curator@demo.skhodynky.org");
    const ok = await callRoute(reviews.PUT, "/x", {
      method: "PUT",
      params: { id },
      body: { itemType: "AREA", itemId: "SW", confirmed: true, comment: "Бачила, як ви допомагали клієнтці з Дією" },
    });
    expect(ok.status).toBe(200);
    const missing = await callRoute(reviews.PUT, "/x", { method: "PUT", params: { id }, body: { itemType: "COMPETENCE", itemId: "1.1", confirmed: true } });
    expect(missing.status).toBe(404);

    await signInAs("vasyl.onyshchuk@demo.skhodynky.org");
    const stranger = await callRoute(reviews.PUT, "/x", { method: "PUT", params: { id }, body: { itemType: "AREA", itemId: "SW", confirmed: false } });
    expect(stranger.status).toBe(404);
    await signInAs("learner@demo.skhodynky.org");
    const self = await callRoute(reviews.PUT, "/x", { method: "PUT", params: { id }, body: { itemType: "AREA", itemId: "SW", confirmed: true } });
    expect([403, 404]).toContain(self.status);

    const owner = await actorFor("learner@demo.skhodynky.org");
    const overview = (await getCompetenceOverview(owner, owner.id, "uk"))!;
    const sw = overview.latest!.competences.filter((c) => c.areaId === "SW");
    expect(sw.every((c) => c.level === 3)).toBe(true);
    expect(sw[0]!.reviews).toEqual([expect.objectContaining({ curatorName: "Оксана Ткачук", confirmed: true })]);

    const curator = await actorFor("curator@demo.skhodynky.org");
    expect(await getCompetenceOverview(curator, owner.id, "uk")).toMatchObject({ ownerName: overview.ownerName });
    const otherCurator = await actorFor("vasyl.onyshchuk@demo.skhodynky.org");
    await expect(getCompetenceOverview(otherCurator, owner.id, "uk")).rejects.toMatchObject({ code: "not_found" });
    const methodologist = await actorFor("methodist.poltava@demo.skhodynky.org");
    await expect(getCompetenceOverview(methodologist, owner.id, "uk")).rejects.toMatchObject({ code: "not_found" });

    // Ending the mentorship ends the curator's access.
    await getDb().mentorship.updateMany({ where: { curatorId: curator.id, menteeId: owner.id }, data: { endedAt: new Date() } });
    await expect(getCompetenceOverview(curator, owner.id, "uk")).rejects.toMatchObject({ code: "not_found" });
  });
});
