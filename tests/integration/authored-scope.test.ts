import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { getFramework } from "../../features/competences/server/framework";
import { checkMdx, type CheckContext } from "../../features/authoring/safe-mdx";
import { compileApproved } from "../../features/authoring/server/compile-approved";
import { versionMeta } from "../../features/authoring/server/version-meta";
import { findCatalogAudience, loadCatalog } from "../../features/content/server/load-catalog";
import { getToday } from "../../features/progress/server/get-today";
import { getMyProgress } from "../../features/progress/server/get-progress";
import { countDueReviews, getReviewSession, recordReview } from "../../features/progress/server/review";
import { completeLesson } from "../../features/progress/server/complete-lesson";
import { saveLessonPosition } from "../../features/progress/server/lesson-position";
import { completeWalkthrough, saveWalkthroughPosition } from "../../features/walkthroughs/server/progress";
import { getWalkthroughQueue, reportStep } from "../../features/walkthroughs/server/reports";
import { createAssignment } from "../../features/mentoring/server/assign";
import { getAssignOptions } from "../../features/mentoring/server/assign-options";
import { getCompetenceOverview } from "../../features/competences/server/get-my-competences";
import { insertSubmittedAssessment, shortFormAnswers } from "../factories/assessments";
import { PURPOSE_IDS } from "../../features/competences/instrument";
import { createMentorship, createPerson, createPlace, uniqueSuffix, type TestPlace } from "../factories/people";

/**
 * Items written in the app reach the national audience or one region (narrowed to hromadas when so
 * published), and nobody else: catalog, search, Today, tracks, assignments, review, direct opening
 * and completion all read the same per-person catalog (decision 032).
 */

const db = getDb();
const sfx = uniqueSuffix();
const slugs = { regional: `auth-poltava-${sfx}`, narrowed: `auth-hromada-${sfx}`, national: `auth-national-${sfx}`, guide: `auth-guide-${sfx}` };
const trackSlug = `auth-track-${sfx}`;

const context = (kind: "lessons" | "walkthroughs", id: string): CheckContext => ({
  locale: "uk",
  competenceIds: new Set(getFramework().competences.map((c) => c.id)),
  lessonIds: new Set(readdirSync("content/lessons")),
  readScreen: (screen) => {
    const file = join("content", kind, id, screen.slice(2));
    return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
  },
});

type World = {
  poltava: TestPlace;
  otherHromadaId: string;
  zhytomyr: TestPlace;
  learner: Actor;
  neighbour: Actor;
  outsider: Actor;
  methodologist: Actor;
  admin: Actor;
  curator: Actor;
  outsiderCurator: Actor;
};
let w: World;

/** A built-in text re-published under a new slug and title, as the approval workflow would store it. */
async function publish(
  kind: "lesson" | "walkthrough",
  from: string,
  slug: string,
  regionId: string | null,
  hromadaIds: string[],
  by: { author: string; approver: string },
) {
  const dir = kind === "lesson" ? "lessons" : "walkthroughs";
  const title = `Авторський матеріал ${slug}`;
  const text = readFileSync(join("content", dir, from, "uk.mdx"), "utf8")
    .replace(/^id: .*$/m, `id: ${slug}`)
    .replace(/^title: .*$/m, `title: ${title}`);
  const { checked, problems } = checkMdx(kind, text, context(dir, from));
  expect(problems).toEqual([]);
  const compiled = await compileApproved(kind, checked!, `test-${slug}`);
  const item = await db.authoredItem.create({
    data: {
      kind,
      slug,
      regionId,
      createdById: by.author,
      draftText: text,
      title,
      summary: "—",
      hromadas: { create: hromadaIds.map((hromadaId) => ({ hromadaId })) },
    },
  });
  await db.authoredVersion.create({
    data: {
      itemId: item.id,
      number: 1,
      text,
      title,
      summary: "—",
      meta: versionMeta(checked!, compiled, null),
      compiledKey: compiled.key,
      submittedById: by.author,
      approvedById: by.approver,
      publishAt: new Date(Date.now() - 60_000),
      publishedAt: new Date(Date.now() - 60_000),
    },
  });
  // Published last: the item's current version must exist first (a foreign key).
  await db.authoredItem.update({ where: { id: item.id }, data: { currentVersion: 1 } });
}

async function actor(id: string): Promise<Actor> {
  return (await findCatalogAudience(id))!;
}

const person = async (organizationId: string, roles: Parameters<typeof createPerson>[1]["roles"]) =>
  actor((await createPerson(db, { organizationId, roles })).id);

beforeAll(async () => {
  const poltava = await createPlace(db);
  const zhytomyr = await createPlace(db);
  const other = await db.hromada.create({ data: { regionId: poltava.regionId, nameUk: `Інша громада ${sfx}`, nameEn: `Other hromada ${sfx}` } });
  const otherOrg = await db.organization.create({ data: { hromadaId: other.id, name: `ЦНСП ${sfx}`, kind: "SOCIAL_SERVICES_CENTRE" } });
  w = {
    poltava,
    otherHromadaId: other.id,
    zhytomyr,
    learner: await person(poltava.organizationId, ["LEARNER"]),
    neighbour: await person(otherOrg.id, ["LEARNER"]),
    outsider: await person(zhytomyr.organizationId, ["LEARNER"]),
    methodologist: await person(otherOrg.id, ["METHODOLOGIST"]),
    admin: await person(zhytomyr.organizationId, ["ADMIN"]),
    curator: await person(poltava.organizationId, ["CURATOR", "LEARNER"]),
    outsiderCurator: await person(zhytomyr.organizationId, ["CURATOR", "LEARNER"]),
  };
  await createMentorship(db, w.curator.id, w.learner.id);
  await createMentorship(db, w.curator.id, w.neighbour.id);
  await createMentorship(db, w.outsiderCurator.id, w.outsider.id);
  const by = { author: w.methodologist.id, approver: w.admin.id };
  await publish("lesson", "strong-passwords", slugs.regional, poltava.regionId, [], by);
  await publish("lesson", "recognise-phishing", slugs.narrowed, poltava.regionId, [poltava.hromadaId], by);
  await publish("lesson", "strong-passwords", slugs.national, null, [], by);
  await publish("walkthrough", "diia-sign-in", slugs.guide, poltava.regionId, [], by);
  await db.regionTrack.create({
    data: {
      slug: trackSlug,
      regionId: poltava.regionId,
      title: `Трек ${sfx}`,
      description: "—",
      lessons: [slugs.regional, slugs.narrowed],
      createdById: w.methodologist.id,
    },
  });
});

afterAll(async () => {
  // Shared test databases: national items would otherwise show in other files' catalogs.
  await db.regionTrack.deleteMany({ where: { slug: trackSlug } });
  await db.authoredItem.deleteMany({ where: { slug: { in: Object.values(slugs) } } });
});

const authoredIds = async (who: Actor) =>
  (await loadCatalog(who))
    .lessons("uk")
    .map((l) => l.id)
    .filter((id) => id.endsWith(sfx));
const guideIds = async (who: Actor) =>
  (await loadCatalog(who))
    .walkthroughs("uk")
    .map((g) => g.id)
    .filter((id) => id.endsWith(sfx));

describe("who sees an item written in the app", () => {
  it("lists national items for all, a region's for its people, a hromada's for that hromada, all for the region's methodologist and admins", async () => {
    const all = [slugs.narrowed, slugs.national, slugs.regional].sort();
    expect((await authoredIds(w.learner)).sort()).toEqual(all);
    expect((await authoredIds(w.neighbour)).sort()).toEqual([slugs.national, slugs.regional].sort());
    expect(await authoredIds(w.outsider)).toEqual([slugs.national]);
    expect((await authoredIds(w.methodologist)).sort()).toEqual(all);
    expect((await authoredIds(w.admin)).sort()).toEqual(all);
    expect(await guideIds(w.learner)).toEqual([slugs.guide]);
    expect(await guideIds(w.neighbour)).toEqual([slugs.guide]);
    expect(await guideIds(w.outsider)).toEqual([]);
    expect(await guideIds(w.admin)).toEqual([slugs.guide]);
  });

  it("names the publisher: the region's centre, or the national collection", async () => {
    const catalog = await loadCatalog(w.learner);
    expect(catalog.publisherOf("lesson", slugs.regional)).toMatchObject({ scope: "region", regionId: w.poltava.regionId });
    expect(catalog.publisherOf("lesson", slugs.national)).toEqual({ scope: "national" });
    expect(catalog.publisherOf("walkthrough", slugs.guide)).toMatchObject({ scope: "region" });
    expect(catalog.publisherOf("lesson", "strong-passwords")).toBeNull();
  });

  it("finds them in search only where they are visible", async () => {
    const search = async (who: Actor, q: string) =>
      (await loadCatalog(who))
        .findLessons("uk", { q })
        .map((l) => l.id)
        .sort();
    expect(await search(w.learner, `Авторський ${sfx}`)).toEqual([slugs.narrowed, slugs.national, slugs.regional].sort());
    expect(await search(w.outsider, `Авторський ${sfx}`)).toEqual([slugs.national]);
    // The publisher's region is searchable too.
    expect(await search(w.learner, w.poltava.regionName)).toEqual([slugs.narrowed, slugs.regional].sort());
    expect(await search(w.outsider, w.poltava.regionName)).toEqual([]);
  });

  it("opens them directly only for the audience", async () => {
    const learner = await loadCatalog(w.learner);
    const outsider = await loadCatalog(w.outsider);
    const neighbour = await loadCatalog(w.neighbour);
    expect((await learner.getLesson(slugs.regional, "uk"))?.frontmatter.title).toContain(sfx);
    expect((await learner.getWalkthrough(slugs.guide, "uk"))?.steps.length).toBeGreaterThan(0);
    expect(await outsider.getLesson(slugs.regional, "uk")).toBeNull();
    expect(await outsider.getWalkthrough(slugs.guide, "uk")).toBeNull();
    expect(outsider.lessonExists(slugs.regional)).toBe(false);
    expect(outsider.walkthroughStepIds(slugs.guide)).toEqual([]);
    expect(await neighbour.getLesson(slugs.narrowed, "uk")).toBeNull();
    expect(neighbour.lessonExists(slugs.narrowed)).toBe(false);
    expect(await (await loadCatalog(w.methodologist)).getLesson(slugs.narrowed, "uk")).not.toBeNull();
    expect(await (await loadCatalog(w.admin)).getWalkthrough(slugs.guide, "uk")).not.toBeNull();
  });

  it("refuses progress and completion of an item outside the audience as not found", async () => {
    await expect(completeLesson(w.outsider, slugs.regional, { minutes: 3, answers: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(completeLesson(w.neighbour, slugs.narrowed, { minutes: 3, answers: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveLessonPosition(w.outsider, slugs.regional, 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(completeWalkthrough(w.outsider, slugs.guide, { minutes: 3, answers: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveWalkthroughPosition(w.outsider, slugs.guide, 1)).rejects.toMatchObject({ code: "not_found" });
    const stepId = (await loadCatalog(w.learner)).walkthroughStepIds(slugs.guide)[0]!;
    await expect(reportStep(w.outsider, slugs.guide, { stepId, kind: "stuck" })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveLessonPosition(w.neighbour, slugs.regional, 1)).resolves.toMatchObject({ step: 1 });
    await expect(completeWalkthrough(w.neighbour, slugs.guide, { minutes: 3, answers: [] })).resolves.toMatchObject({ walkthroughId: slugs.guide });
  });
});

describe("tracks, Today, assignments and review", () => {
  // Each test makes the learners and curators whose records it changes: tests run in any order.
  const poltavaLearner = () => person(w.poltava.organizationId, ["LEARNER"]);
  const zhytomyrLearner = () => person(w.zhytomyr.organizationId, ["LEARNER"]);
  async function paired(learner: Actor, place: TestPlace): Promise<Actor> {
    const curator = await person(place.organizationId, ["CURATOR", "LEARNER"]);
    await createMentorship(db, curator.id, learner.id);
    return curator;
  }

  it("shows the region's track to its people, with the lessons each can open", async () => {
    const learner = await poltavaLearner();
    const trackOf = async (who: Actor) => (await loadCatalog(who)).tracks().find((t) => t.id === trackSlug);
    expect((await trackOf(learner))?.lessons).toEqual([slugs.regional, slugs.narrowed]);
    expect((await trackOf(w.neighbour))?.lessons).toEqual([slugs.regional]);
    expect(await trackOf(w.outsider)).toBeUndefined();
    const progress = await getMyProgress(learner, "uk");
    expect(progress.tracks.find((t) => t.id === trackSlug)).toMatchObject({ total: 2, done: 0 });
  });

  it("lets a curator assign only what the mentee can open, and puts it first on the mentee's Today", async () => {
    const learner = await poltavaLearner();
    const curator = await paired(learner, w.poltava);
    const outsider = await zhytomyrLearner();
    const outsiderCurator = await paired(outsider, w.zhytomyr);
    const refused = { code: "validation_failed" };
    await expect(createAssignment(outsiderCurator, { learnerId: outsider.id, kind: "lesson", targetId: slugs.regional })).rejects.toMatchObject(refused);
    await expect(createAssignment(outsiderCurator, { learnerId: outsider.id, kind: "walkthrough", targetId: slugs.guide })).rejects.toMatchObject(refused);
    await expect(createAssignment(outsiderCurator, { learnerId: outsider.id, kind: "track", targetId: trackSlug })).rejects.toMatchObject(refused);
    await expect(createAssignment(w.curator, { learnerId: w.neighbour.id, kind: "lesson", targetId: slugs.narrowed })).rejects.toMatchObject(refused);
    await createAssignment(outsiderCurator, { learnerId: outsider.id, kind: "lesson", targetId: slugs.national });
    expect((await getToday(outsider, "uk")).pick).toMatchObject({ id: slugs.national, reason: "assigned" });

    // The picker offers the mentee's catalog: the region's items to its people, none to another region's.
    const offered = await getAssignOptions(curator, learner.id, "uk");
    expect(offered.lessons.map((o) => o.value)).toEqual(expect.arrayContaining([slugs.regional, slugs.narrowed]));
    expect(offered.tracks.map((o) => o.value)).toContain(trackSlug);
    const offeredOutside = await getAssignOptions(outsiderCurator, outsider.id, "uk");
    expect(offeredOutside.lessons.map((o) => o.value)).not.toContain(slugs.regional);
    expect(offeredOutside.walkthroughs.map((o) => o.value)).not.toContain(slugs.guide);
    expect(offeredOutside.tracks.map((o) => o.value)).not.toContain(trackSlug);

    await createAssignment(curator, { learnerId: learner.id, kind: "track", targetId: trackSlug });
    const today = await getToday(learner, "uk");
    expect(today.pick).toMatchObject({ id: slugs.regional, reason: "assigned", href: `/lessons/${slugs.regional}` });
    expect(today.assignments[0]?.trackTitle).toBe(`Трек ${sfx}`);
  });

  it("links a competence gap to the region's lessons that teach it for its people only", async () => {
    const lowEverywhere = async (who: Actor) =>
      insertSubmittedAssessment(db, {
        userId: who.id,
        regionId: who.regionId,
        hromadaId: who.hromadaId,
        organizationId: who.organizationId,
        submittedAt: new Date(),
        form: "SHORT",
        ratings: shortFormAnswers(getFramework(1), 1).ratings,
        purposes: Object.fromEntries(PURPOSE_IDS.map((purpose) => [purpose, "OFTEN" as const])),
      });
    const learner = await poltavaLearner();
    const outsider = await zhytomyrLearner();
    await lowEverywhere(learner);
    await lowEverywhere(outsider);
    // The regional and national lessons are strong-passwords under new ids: they teach 4.1 and 4.2.
    const gapLessons = async (who: Actor) =>
      (await getCompetenceOverview(who, who.id, "uk")).gaps.filter((g) => g.competenceId === "4.2").flatMap((g) => g.lessons.map((l) => l.id));
    const mine = await gapLessons(learner);
    expect(mine).toEqual(expect.arrayContaining([slugs.regional, slugs.national]));
    const theirs = await gapLessons(outsider);
    expect(theirs).toContain(slugs.national);
    expect(theirs).not.toContain(slugs.regional);
    expect(theirs).not.toContain(slugs.narrowed);
  });

  it("never offers a lesson left half-way that the learner can no longer open", async () => {
    // A learner who moved to another region keeps their records, not the region's lessons.
    const outsider = await zhytomyrLearner();
    await db.lessonProgress.create({ data: { userId: outsider.id, lessonId: slugs.narrowed, step: 2 } });
    const today = await getToday(outsider, "uk");
    expect(today.pick?.id).not.toBe(slugs.narrowed);
    expect(today.assignments).toEqual([]);
  });

  it("asks review items only of lessons the learner can open", async () => {
    const learner = await poltavaLearner();
    const outsider = await zhytomyrLearner();
    const catalog = await loadCatalog(learner);
    const lesson = (await catalog.getLesson(slugs.regional, "uk"))!;
    const itemId = lesson.items[0]!.id;
    const due = {
      due: new Date(Date.now() - 3600_000),
      stability: 1,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: new Date(Date.now() - 86_400_000),
    };
    await db.reviewCard.create({ data: { userId: learner.id, lessonId: slugs.regional, itemId, ...due } });
    await db.reviewCard.create({ data: { userId: outsider.id, lessonId: slugs.regional, itemId, ...due } });
    expect(await countDueReviews(learner)).toBe(1);
    expect((await getReviewSession(learner, "uk")).items.map((i) => i.lessonId)).toEqual([slugs.regional]);
    expect(await countDueReviews(outsider)).toBe(0);
    expect((await getReviewSession(outsider, "uk")).items).toEqual([]);
    await expect(recordReview(outsider, { lessonId: slugs.regional, itemId, correct: true, seconds: 10 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("completes the region's lesson for its learner, and the track assignment once the track is done", async () => {
    const learner = await poltavaLearner();
    const curator = await paired(learner, w.poltava);
    await createAssignment(curator, { learnerId: learner.id, kind: "track", targetId: trackSlug });
    await completeLesson(learner, slugs.regional, { minutes: 3, answers: [] });
    expect(await db.assignment.count({ where: { learnerId: learner.id, completedAt: null } })).toBe(1);
    await completeLesson(learner, slugs.narrowed, { minutes: 3, answers: [] });
    expect(await db.assignment.findMany({ where: { learnerId: learner.id, completedAt: null } })).toEqual([]);
  });

  it("puts the region's guides in its methodologists' freshness queue, not another region's", async () => {
    const mine = await getWalkthroughQueue(w.methodologist, w.poltava.regionId, "uk");
    expect(mine.toCheck.map((g) => g.id)).toContain(slugs.guide);
    const theirs = await getWalkthroughQueue(w.admin, w.zhytomyr.regionId, "uk");
    expect(theirs.toCheck.map((g) => g.id)).not.toContain(slugs.guide);
  });
});
