import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { AppError, findConstraintViolation } from "../../server/errors";
import type { SessionUser } from "../../server/auth/current-user";
import { createPerson, createPlace, type TestPlace } from "../factories/people";
import { createAuthoredItem } from "../../features/authoring/server/create-item";
import { saveDraft } from "../../features/authoring/server/save-draft";
import { submitForReview, withdrawFromReview } from "../../features/authoring/server/submit-item";
import { approveForPublication, returnForChanges } from "../../features/authoring/server/decide-review";
import { rollbackToVersion } from "../../features/authoring/server/rollback-item";
import { publishDueVersions } from "../../features/authoring/server/publish-due";
import { getAuthoringItem } from "../../features/authoring/server/get-authoring-item";
import { getVersionTexts } from "../../features/authoring/server/get-version-texts";
import { listAuthoringItems } from "../../features/authoring/server/list-authoring-items";
import { loadCatalog } from "../../features/content/server/load-catalog";
import { listNotifications } from "../../features/notifications/server/centre";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";
import { announceWorkshop } from "../../features/workshops/server/announce-workshop";
import { uploadFile } from "../../features/files/server/upload-file";
import { serveFile } from "../../features/files/server/serve-file";
import { getFreshness } from "../../features/walkthroughs/server/freshness";
import { attachItemFile } from "../../features/authoring/server/attach-item-files";
import { getNoteAttachments } from "../../features/authoring/server/get-note-attachments";
import { callRoute, signInAs } from "../helpers/api";
import * as createRoute from "../../app/api/v1/authoring/items/route";
import * as draftRoute from "../../app/api/v1/authoring/items/[id]/draft/route";
import * as approveRoute from "../../app/api/v1/authoring/items/[id]/approve/route";
import { getWorkshop } from "../../features/workshops/server/get-workshop";

/**
 * In-app authoring (decision 032): drafts saved by compare-and-set, review by a second
 * methodologist decided once, versions kept, scheduled publication, rollback, the edit rules for
 * learners' records, and scope. Every test makes its own items in this file's own regions.
 */

type Person = SessionUser;
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "authoring-test-2026" });
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    locale: "uk",
    roles,
    organizationId: place.organizationId,
    hromadaId: place.hromadaId,
    regionId: place.regionId,
  };
}

const BASE = readFileSync("content/lessons/strong-passwords/uk.mdx", "utf8");
let lessons = 0;
/** A lesson text of its own (the built-in lesson under a new id). */
function lessonText(id: string, change: (text: string) => string = (t) => t): string {
  return change(BASE.replace(/^id: strong-passwords$/m, `id: ${id}`).replace(/^title: .*$/m, `title: Пароль-фраза для ${id}`));
}
const newId = () => `poltava-passwords-${Date.now().toString(36)}-${lessons++}`;

async function expectError(promise: Promise<unknown>, status: number, message?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (message) expect((error as AppError).message).toBe(message);
  return error as AppError;
}

let poltava: TestPlace;
let zhytomyr: TestPlace;
let author: Person;
let reviewer: Person;
let thirdMethodologist: Person;
let learner: Person;
let farLearner: Person;
let farMethodologist: Person;
let admin: Person;

beforeAll(async () => {
  const db = getDb();
  poltava = await createPlace(db);
  zhytomyr = await createPlace(db);
  author = await person(poltava, ["LEARNER", "METHODOLOGIST"]);
  reviewer = await person(poltava, ["LEARNER", "METHODOLOGIST"]);
  thirdMethodologist = await person(poltava, ["LEARNER", "METHODOLOGIST"]);
  learner = await person(poltava, ["LEARNER"]);
  farLearner = await person(zhytomyr, ["LEARNER"]);
  farMethodologist = await person(zhytomyr, ["LEARNER", "METHODOLOGIST"]);
  admin = await person(poltava, ["ADMIN"]);
});

/** An item written and submitted by `author`, approved by `reviewer`: published version 1. */
async function publishedLesson(id = newId()) {
  const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(id) });
  await submitForReview(author, item.id, 1);
  await approveForPublication(reviewer, item.id, { revision: 2 });
  return { ...item, slug: id };
}

describe("drafts", () => {
  it("starts a region's lesson from a title with a starting text, for its methodologists only", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], title: "Пам'ятка про Дію для старости" });
    expect(item.slug).toMatch(/^pam-iatka-pro-diiu-dlia-starosty|^pamiatka/);
    const view = await getAuthoringItem(author, item.id);
    expect(view.stage).toBe("DRAFT");
    expect(view.region?.id).toBe(poltava.regionId);
    expect(view.draft.text).toContain(`id: ${item.slug}`);
    expect((await getAuthoringItem(reviewer, item.id)).id).toBe(item.id);
    await expectError(getAuthoringItem(farMethodologist, item.id), 404);
    await expectError(getAuthoringItem(learner, item.id), 404);
    await expectError(createAuthoredItem(learner, { kind: "lesson", hromadaIds: [], title: "Урок від слухача" }), 403);
    await expectError(createAuthoredItem(author, { kind: "lesson", hromadaIds: [], title: "Національний урок", scope: "national" }), 403);
  });

  it("refuses an id of the built-in content and an id taken by another item", async () => {
    await expectError(createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: BASE }), 409, "errors.authoringSlugTaken");
    const id = newId();
    await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(id) });
    await expectError(createAuthoredItem(reviewer, { kind: "lesson", hromadaIds: [], text: lessonText(id) }), 409, "errors.authoringSlugTaken");
  });

  it("refuses unsafe text whole, with its line and column, and keeps the stored draft", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const before = await getAuthoringItem(author, item.id);
    const unsafe = `${before.draft.text}\n\n<img src="x" onerror="alert(1)" />\n`;
    const error = await expectError(saveDraft(author, item.id, { revision: 1, text: unsafe, hromadaIds: [] }), 422, "errors.authoringUnsafe");
    const problems = error.details?.problems as { line: number; column: number; severity: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(unsafe.split("\n").length - 1);
    expect(problems[0]!.column).toBe(1);
    const after = await getAuthoringItem(author, item.id);
    expect(after.draft).toEqual(before.draft);
  });

  it("keeps content problems with the draft and refuses to submit until they are fixed", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const view = await getAuthoringItem(author, item.id);
    const withoutQuiz = view.draft.text.replace(/<Quiz[\s\S]*<\/Quiz>/, "").replace(/<TrueFalse[^>]*\/>/, "");
    const saved = await saveDraft(author, item.id, { revision: view.draft.revision, text: withoutQuiz, hromadaIds: [] });
    expect(saved.problems.some((p) => p.severity === "content")).toBe(true);
    await expectError(submitForReview(author, item.id, saved.revision), 422, "errors.authoringHasProblems");
  });

  it("lets one of two saves over the same revision win; the other gets 409 and changes nothing", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const view = await getAuthoringItem(author, item.id);
    const mine = view.draft.text.replace("Ранок у старостаті.", "Ранок у ЦНАП.");
    const theirs = view.draft.text.replace("Ранок у старостаті.", "Вечір у старостаті.");
    const results = await Promise.allSettled([
      saveDraft(author, item.id, { revision: view.draft.revision, text: mine, hromadaIds: [] }),
      saveDraft(reviewer, item.id, { revision: view.draft.revision, text: theirs, hromadaIds: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as AppError).message).toBe("errors.authoringStale");
    const after = await getAuthoringItem(author, item.id);
    expect(after.draft.revision).toBe(view.draft.revision + 1);
    expect([mine, theirs]).toContain(after.draft.text);
  });

  it("does not let a lesson's id change, nor a region's item be narrowed to another region's hromada", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    await expectError(saveDraft(author, item.id, { revision: 1, text: lessonText("another-id-entirely"), hromadaIds: [] }), 422, "errors.authoringIdChanged");
    const view = await getAuthoringItem(author, item.id);
    await expectError(
      saveDraft(author, item.id, { revision: 1, text: view.draft.text, hromadaIds: [zhytomyr.hromadaId] }),
      400,
      "errors.authoringHromadaOutsideRegion",
    );
  });
});

describe("review", () => {
  it("goes draft → review → returned with a comment → fixed → approved by a second methodologist → published", async () => {
    const id = newId();
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(id) });
    const submitted = await submitForReview(author, item.id, 1);
    const inReview = await getAuthoringItem(author, item.id);
    expect(inReview.stage).toBe("IN_REVIEW");
    expect(inReview.canReview).toBe(false);
    expect((await getAuthoringItem(reviewer, item.id)).canReview).toBe(true);
    expect((await listAuthoringItems(reviewer)).find((i) => i.id === item.id)?.awaitsActor).toBe(true);
    expect((await listNotifications(reviewer, "uk")).some((n) => n.kind === "authoring.submitted" && n.href === `/authoring/${item.id}`)).toBe(true);

    // A draft under review is frozen, and its author cannot approve it.
    await expectError(saveDraft(author, item.id, { revision: submitted.revision, text: inReview.draft.text, hromadaIds: [] }), 409, "errors.authoringInReview");
    await expectError(approveForPublication(author, item.id, { revision: submitted.revision }), 403);
    await expectError(returnForChanges(farMethodologist, item.id, { revision: submitted.revision, comment: "Не моя область" }), 404);

    const returned = await returnForChanges(reviewer, item.id, { revision: submitted.revision, comment: "Додайте приклад із ЦНАП у вступі." });
    const back = await getAuthoringItem(author, item.id);
    expect(back.stage).toBe("DRAFT");
    expect(back.reviews[0]).toMatchObject({ decision: "RETURNED", comment: "Додайте приклад із ЦНАП у вступі.", reviewer: reviewer.name });
    expect((await listNotifications(author, "uk")).some((n) => n.kind === "authoring.returned")).toBe(true);

    const fixed = back.draft.text.replace("Ранок у старостаті.", "Ранок у старостаті, як і в ЦНАП.");
    const saved = await saveDraft(author, item.id, { revision: returned.revision, text: fixed, hromadaIds: [] });
    const resubmitted = await submitForReview(author, item.id, saved.revision);
    expect(await loadCatalog(learner).then((c) => c.lessonExists(id))).toBe(false);
    const approved = await approveForPublication(reviewer, item.id, { revision: resubmitted.revision, comment: "Дякую, чудово." });
    expect(approved).toMatchObject({ version: 1, isLive: true });

    const published = await getAuthoringItem(author, item.id);
    expect(published.currentVersion).toBe(1);
    expect(published.versions[0]).toMatchObject({ number: 1, submittedBy: author.name, approvedBy: reviewer.name });
    const catalog = await loadCatalog(learner);
    expect(catalog.lessons("uk").find((l) => l.id === id)).toMatchObject({ publisher: { scope: "region", regionId: poltava.regionId } });
    const lesson = await catalog.getLesson(id, "uk");
    expect(lesson?.code).toBeTruthy();
    expect(lesson?.items.map((i) => i.id)).toEqual(["best-password", "same-password"]);
    expect((await loadCatalog(farLearner)).lessonExists(id)).toBe(false);
    expect(await (await loadCatalog(farLearner)).getLesson(id, "uk")).toBeNull();
  });

  it("decides a submission once when two reviewers approve and return at the same moment", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const { revision } = await submitForReview(author, item.id, 1);
    const results = await Promise.allSettled([
      approveForPublication(reviewer, item.id, { revision }),
      returnForChanges(thirdMethodologist, item.id, { revision, comment: "Поверніть, будь ласка." }),
      approveForPublication(thirdMethodologist, item.id, { revision }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) expect(((r as PromiseRejectedResult).reason as AppError).status).toBe(409);
    expect(await getDb().authoredReview.count({ where: { itemId: item.id } })).toBe(1);
    expect(await getDb().authoredVersion.count({ where: { itemId: item.id } })).toBeLessThanOrEqual(1);
  });

  it("lets the author withdraw a submission before anyone decides", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const { revision } = await submitForReview(author, item.id, 1);
    const withdrawn = await withdrawFromReview(author, item.id, revision);
    expect((await getAuthoringItem(author, item.id)).stage).toBe("DRAFT");
    await expectError(approveForPublication(reviewer, item.id, { revision }), 409, "errors.authoringDecided");
    expect(withdrawn.revision).toBe(revision + 1);
  });
});

describe("the database keeps the rules", () => {
  /** A published lesson's first version as fields for another version row written straight to the database. */
  async function copyOfFirstVersion() {
    const item = await publishedLesson();
    const v1 = await getDb().authoredVersion.findUniqueOrThrow({ where: { itemId_number: { itemId: item.id, number: 1 } } });
    return { itemId: item.id, text: v1.text, title: v1.title, summary: v1.summary, meta: v1.meta as object, compiledKey: v1.compiledKey };
  }

  it("refuses a version approved by the person who submitted it, unless it restores an approved text", async () => {
    const copy = { ...(await copyOfFirstVersion()), publishAt: new Date() };
    const error = await getDb()
      .authoredVersion.create({ data: { ...copy, number: 2, submittedById: author.id, approvedById: author.id } })
      .catch((e: unknown) => e);
    expect(findConstraintViolation(error)).toMatchObject({ kind: "check", constraint: "AuthoredVersion_second_pair_of_eyes_check" });
    await getDb().authoredVersion.create({
      data: { ...copy, number: 2, submittedById: author.id, approvedById: author.id, restoredFrom: 1, publishedAt: new Date() },
    });
  });

  it("holds at most one version waiting for its day per item", async () => {
    const copy = { ...(await copyOfFirstVersion()), submittedById: author.id, approvedById: reviewer.id };
    const later = new Date(Date.now() + 5 * 86_400_000);
    await getDb().authoredVersion.create({ data: { ...copy, number: 2, publishAt: later } });
    const error = await getDb()
      .authoredVersion.create({ data: { ...copy, number: 3, publishAt: later } })
      .catch((e: unknown) => e);
    expect(findConstraintViolation(error)).toMatchObject({ kind: "unique" });
  });
});

describe("scheduling, versions and rollback", () => {
  it("publishes an approval for a later day only when its day comes (the job), once", async () => {
    const item = await publishedLesson();
    const view = await getAuthoringItem(author, item.id);
    const edited = view.draft.text.replace("Ранок у старостаті.", "Ранок у старостаті громади.");
    const saved = await saveDraft(author, item.id, { revision: view.draft.revision, text: edited, hromadaIds: [] });
    const { revision } = await submitForReview(author, item.id, saved.revision);
    const tomorrow = addDays(kyivDay(new Date()), 1);
    const approved = await approveForPublication(reviewer, item.id, { revision, publishOn: tomorrow });
    expect(approved.isLive).toBe(false);
    expect((await getAuthoringItem(author, item.id)).scheduled).toMatchObject({ number: 2 });
    expect(await publishDueVersions(new Date())).toBe(0);
    expect((await getAuthoringItem(author, item.id)).currentVersion).toBe(1);

    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    const runs = await Promise.all([publishDueVersions(dayAfter), publishDueVersions(dayAfter)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const live = await getAuthoringItem(author, item.id);
    expect(live.currentVersion).toBe(2);
    expect(live.scheduled).toBeNull();
    expect((await loadCatalog(learner).then((c) => c.getLesson(item.slug, "uk")))?.code).toBeTruthy();
  });

  it("diffs two versions and rolls back to the first as a new version with its text", async () => {
    const item = await publishedLesson();
    const view = await getAuthoringItem(author, item.id);
    const edited = view.draft.text.replace("Ранок у старостаті.", "Вечір у ЦНАП.");
    const saved = await saveDraft(author, item.id, { revision: view.draft.revision, text: edited, hromadaIds: [] });
    const { revision } = await submitForReview(author, item.id, saved.revision);
    await approveForPublication(reviewer, item.id, { revision });

    const texts = await getVersionTexts(author, item.id, 1, 2);
    expect(texts.before).toContain("Ранок у старостаті.");
    expect(texts.after).toContain("Вечір у ЦНАП.");

    await expectError(rollbackToVersion(author, item.id, 2), 409, "errors.authoringAlreadyCurrent");
    await expectError(rollbackToVersion(farMethodologist, item.id, 1), 404);
    const rolled = await rollbackToVersion(author, item.id, 1);
    expect(rolled.version).toBe(3);
    const after = await getAuthoringItem(author, item.id);
    expect(after.currentVersion).toBe(3);
    expect(after.versions[0]).toMatchObject({ number: 3, restoredFrom: 1 });
    expect(after.draft.text).toContain("Ранок у старостаті.");
    const lesson = await (await loadCatalog(learner)).getLesson(item.slug, "uk");
    const v1 = await getDb().authoredVersion.findUniqueOrThrow({ where: { itemId_number: { itemId: item.id, number: 1 } } });
    const v3 = await getDb().authoredVersion.findUniqueOrThrow({ where: { itemId_number: { itemId: item.id, number: 3 } } });
    expect(v3.compiledKey).toBe(v1.compiledKey);
    expect(lesson?.code).toBeTruthy();
  });
});

describe("learners' records across an edit (the edit rules)", () => {
  async function publishEdit(item: { id: string }, change: (text: string) => string) {
    const view = await getAuthoringItem(author, item.id);
    const saved = await saveDraft(author, item.id, { revision: view.draft.revision, text: change(view.draft.text), hromadaIds: [] });
    const { revision } = await submitForReview(author, item.id, saved.revision);
    await approveForPublication(reviewer, item.id, { revision });
  }
  async function records(slug: string) {
    const db = getDb();
    return {
      progress: await db.lessonProgress.findMany({
        where: { lessonId: slug },
        orderBy: { userId: "asc" },
        select: { userId: true, step: true, completedAt: true },
      }),
      cards: (await db.reviewCard.findMany({ where: { lessonId: slug }, select: { itemId: true } })).map((c) => c.itemId).sort(),
    };
  }
  async function seedRecords(slug: string) {
    const db = getDb();
    const finisher = await person(poltava, ["LEARNER"]);
    const card = { due: new Date(), stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1 };
    await db.lessonProgress.create({ data: { userId: learner.id, lessonId: slug, step: 3 } });
    await db.lessonProgress.create({ data: { userId: finisher.id, lessonId: slug, step: 5, completedAt: new Date(), completedOn: kyivDay(new Date()) } });
    await db.reviewCard.createMany({
      data: [
        { userId: learner.id, lessonId: slug, itemId: "best-password", ...card },
        { userId: learner.id, lessonId: slug, itemId: "same-password", ...card },
      ],
    });
    return finisher;
  }

  it("keeps positions and cards through an edit that keeps the screens and answers", async () => {
    const item = await publishedLesson();
    await seedRecords(item.slug);
    const before = await records(item.slug);
    await publishEdit(item, (t) => {
      // The edit must change both the prose and a question's wording (the lesson's text as it stands).
      expect(t).toContain("Ранок у старостаті.");
      expect(t).toContain("Який варіант найнадійніший");
      return t.replace("Ранок у старостаті.", "Ранок у сільській раді.").replace("Який варіант найнадійніший", "Який із варіантів найнадійніший");
    });
    expect(await records(item.slug)).toEqual(before);
  });

  it("removes only the cards of an item whose answer changed", async () => {
    const item = await publishedLesson();
    await seedRecords(item.slug);
    await publishEdit(item, (t) => {
      expect(t.match(/answer=\{true\}/g)).toHaveLength(1);
      return t.replace("answer={true}", "answer={false}");
    });
    const after = await records(item.slug);
    expect(after.cards).toEqual(["best-password"]);
    expect(after.progress.find((p) => p.userId === learner.id)?.step).toBe(3);
  });

  it("sends unfinished learners back to the opening when the screens change, and keeps finished ones finished", async () => {
    const item = await publishedLesson();
    const finisher = await seedRecords(item.slug);
    await publishEdit(item, (t) => t.replace("## Пароль-фраза", "## Як скласти пароль-фразу"));
    const after = await records(item.slug);
    expect(after.progress.find((p) => p.userId === learner.id)?.step).toBe(0);
    const finished = after.progress.find((p) => p.userId === finisher.id);
    expect(finished?.step).toBe(5);
    expect(finished?.completedAt).not.toBeNull();
    expect(after.cards).toEqual(["best-password", "same-password"]);
  });
});

describe("scope", () => {
  it("shows a region's item narrowed to a hromada only to that hromada's people, and national items to everyone", async () => {
    const db = getDb();
    const otherHromada = await db.hromada.create({
      data: { regionId: poltava.regionId, nameUk: `Інша громада ${poltava.hromadaId}`, nameEn: `Other ${poltava.hromadaId}` },
    });
    const organization = await db.organization.create({ data: { hromadaId: otherHromada.id, name: `Центр ${otherHromada.id}` } });
    const neighbour = await person({ ...poltava, hromadaId: otherHromada.id, organizationId: organization.id }, ["LEARNER"]);

    const id = newId();
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [poltava.hromadaId], text: lessonText(id) });
    await submitForReview(author, item.id, 1);
    await approveForPublication(reviewer, item.id, { revision: 2 });
    expect((await loadCatalog(learner)).lessonExists(id)).toBe(true);
    expect((await loadCatalog(neighbour)).lessonExists(id)).toBe(false);
    expect((await loadCatalog(author)).lessonExists(id)).toBe(true);
    expect((await loadCatalog(farLearner)).lessonExists(id)).toBe(false);

    const nationalId = newId();
    const national = await createAuthoredItem(admin, { kind: "lesson", hromadaIds: [], text: lessonText(nationalId), scope: "national" });
    const otherAdmin = await person(zhytomyr, ["ADMIN"]);
    await submitForReview(admin, national.id, 1);
    await expectError(approveForPublication(reviewer, national.id, { revision: 2 }), 404);
    await approveForPublication(otherAdmin, national.id, { revision: 2 });
    for (const reader of [learner, neighbour, farLearner]) {
      expect((await loadCatalog(reader)).lessons("uk").find((l) => l.id === nationalId)?.publisher).toEqual({ scope: "national" });
    }
  });
});

describe("the API and plain form posts", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return { rawBody: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
  };

  it("creates an item from the desk's form and sends the browser to its editor; a learner gets 403", async () => {
    await signInAs(author.email);
    const created = await callRoute(
      createRoute.POST,
      "/api/v1/authoring/items",
      form({ kind: "note", title: "Нотатка з форми", noteKind: "CASE_STUDY", next: "/authoring" }),
    );
    expect(created.status).toBe(303);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/authoring\/[a-z0-9]+$/);
    const item = await getAuthoringItem(author, location.split("/").pop()!);
    expect(item).toMatchObject({ kind: "note", noteKind: "CASE_STUDY", title: "Нотатка з форми" });

    await signInAs(learner.email);
    const refused = await callRoute(createRoute.POST, "/api/v1/authoring/items", { body: { kind: "lesson", title: "Урок слухача" } });
    expect(refused.status).toBe(403);
  });

  it("saves and previews from the editor's form, answers unsafe text with the problems and a stale revision with 409", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const view = await getAuthoringItem(author, item.id);
    await signInAs(author.email);
    const path = `/api/v1/authoring/items/${item.id}/draft`;
    const preview = await callRoute(draftRoute.POST, path, {
      ...form({ revision: "1", text: view.draft.text, intent: "preview", next: `/authoring/${item.id}` }),
      params: { id: item.id },
    });
    expect(preview.status).toBe(303);
    expect(preview.headers.get("location")).toBe(`/authoring/${item.id}/preview`);

    const unsafe = await callRoute(draftRoute.POST, path, {
      body: { revision: 2, text: `${view.draft.text}\n{process.env.SECRET}\n`, hromadaIds: [] },
      params: { id: item.id },
    });
    expect(unsafe.status).toBe(422);
    expect(unsafe.json.error?.message).toBeTruthy();
    const problems = (unsafe.json.error as unknown as { problems: { code: string; line: number; messageKey: string }[] }).problems;
    expect(problems[0]).toMatchObject({ code: "expression", messageKey: "authoring.mdx.expression" });

    const stale = await callRoute(draftRoute.POST, path, { body: { revision: 1, text: view.draft.text, hromadaIds: [] }, params: { id: item.id } });
    expect(stale.status).toBe(409);
  });

  it("approves once when the same request arrives twice with one Idempotency-Key", async () => {
    const item = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: lessonText(newId()) });
    const { revision } = await submitForReview(author, item.id, 1);
    await signInAs(reviewer.email);
    const call = () =>
      callRoute(approveRoute.POST, `/api/v1/authoring/items/${item.id}/approve`, {
        body: { revision },
        params: { id: item.id },
        headers: { "idempotency-key": `approve-${item.id}` },
      });
    const [first, second] = [await call(), await call()];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(await getDb().authoredVersion.count({ where: { itemId: item.id } })).toBe(1);
  });
});

describe("a guide written in the app", () => {
  it("publishes a guide whose screens are uploaded PNGs, served to its region's learners only", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-guide-screen")]);
    const screen = await uploadFile(author, { contentType: "image/png", name: "screen.png", body: new Response(new Uint8Array(png)).body });
    const id = `poltava-diia-${Date.now().toString(36)}`;
    const text = readFileSync("content/walkthroughs/diia-sign-in/uk.mdx", "utf8")
      .replace(/^id: diia-sign-in$/m, `id: ${id}`)
      .replace(/screen="\.\/[\w-]+\.svg"/g, `screen="./f-${screen.id}.png"`);
    const item = await createAuthoredItem(author, { kind: "walkthrough", hromadaIds: [], text });
    expect((await getAuthoringItem(author, item.id)).problems).toEqual([]);
    expect((await getAuthoringItem(author, item.id)).files.map((f) => f.id)).toEqual([screen.id]);
    const { revision } = await submitForReview(author, item.id, 1);
    await approveForPublication(reviewer, item.id, { revision });

    const catalog = await loadCatalog(learner);
    expect(catalog.walkthroughs("uk").find((w) => w.id === id)?.publisher).toMatchObject({ scope: "region" });
    const guide = await catalog.getWalkthrough(id, "uk");
    expect(guide?.steps.length).toBeGreaterThan(3);
    for (const step of guide!.steps) expect(step.screen).toBe(`/api/v1/files/${screen.id}`);
    expect(guide!.code).toContain(`/api/v1/files/${screen.id}`);
    expect(catalog.walkthroughScreenCount(id)).toBe(1 + guide!.steps.length + (guide!.items.length ? 1 : 0));
    // The freshness rules read the guide's own frontmatter, as for built-in guides.
    expect((await getFreshness([id], () => guide!.frontmatter)).get(id)).toBeNull();

    expect((await serveFile(learner, screen.id, null)).status).toBe(200);
    await expectError(serveFile(farLearner, screen.id, null), 404);
    expect((await loadCatalog(farLearner)).walkthroughStepIds(id)).toEqual([]);
  });
});

describe("methodology notes", () => {
  it("publishes a note for its region, readable before a workshop that links it", async () => {
    const note = await createAuthoredItem(author, {
      kind: "note",
      noteKind: "PROCEDURE",
      hromadaIds: [],
      title: `Порядок виїзного прийому ${Date.now().toString(36)}`,
      summary: "Кроки для виїзду в старостат.",
      text: "## Що зробити\n\nЗарядіть ноутбук і павербанк напередодні.\n",
    });
    const { revision } = await submitForReview(author, note.id, 1);
    await approveForPublication(reviewer, note.id, { revision });
    const pdf = await uploadFile(author, {
      contentType: "application/pdf",
      name: "poriadok-vyizdu.pdf",
      body: new Response(new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))).body,
    });
    await attachItemFile(author, note.id, pdf.id);
    await expectError(attachItemFile(farMethodologist, note.id, pdf.id), 404);
    const readable = (await loadCatalog(learner)).note(note.slug);
    expect(await getNoteAttachments(readable!)).toEqual([expect.objectContaining({ id: pdf.id, name: "poriadok-vyizdu.pdf" })]);
    const served = await serveFile(learner, pdf.id, null);
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
    await expectError(serveFile(farLearner, pdf.id, null), 404);
    expect(readable).toMatchObject({
      noteKind: "PROCEDURE",
      summary: "Кроки для виїзду в старостат.",
      publisher: { scope: "region", regionId: poltava.regionId },
    });
    expect(await (await loadCatalog(learner)).getNoteCode(note.slug)).toBeTruthy();
    expect((await loadCatalog(farLearner)).note(note.slug)).toBeNull();

    const start = `${addDays(kyivDay(new Date()), 7)}T10:00`;
    const workshop = await announceWorkshop(author, {
      title: "Виїзний прийом: практикум",
      description: "Розберемо порядок виїзного прийому.",
      onlineUrl: "https://meet.example.org/vyizd",
      place: undefined,
      startsAt: start,
      endsAt: start.replace("T10:00", "T11:00"),
      capacity: 10,
      audience: "REGION",
      regionId: undefined,
      hromadaIds: [],
      readings: [`note:${note.slug}`],
    });
    const shown = await getWorkshop(learner, workshop.id, "uk");
    expect(shown.readings).toEqual([
      expect.objectContaining({ kind: "note", href: `/methodology/${note.slug}`, title: expect.stringContaining("Порядок виїзного прийому") }),
    ]);
  });
});

describe("the malicious corpus through the editor's save", () => {
  it("refuses every input with its line and column, stores nothing and compiles nothing", async () => {
    const { MALICIOUS_CORPUS } = await import("../fixtures/malicious-mdx");
    const items = new Map<string, { id: string; slug: string; text: string }>();
    for (const kind of ["lesson", "walkthrough", "note"] as const) {
      const created = await createAuthoredItem(author, { kind, hromadaIds: [], title: `Перевірка корпусу ${kind} ${Date.now().toString(36)}` });
      items.set(kind, { ...created, text: (await getAuthoringItem(author, created.id)).draft.text });
    }
    const compiledBefore = await getDb().compiledContent.count();
    for (const probe of MALICIOUS_CORPUS) {
      const item = items.get(probe.kind)!;
      const text = probe.text.replace(/^id: safe-(mdx|guide)-probe$/m, `id: ${item.slug}`);
      const error = await expectError(saveDraft(author, item.id, { revision: 1, text, title: "Нотатка для перевірки", hromadaIds: [] }), 422);
      expect(error.message, probe.name).toBe("errors.authoringUnsafe");
      const problems = error.details?.problems as { code: string; line: number; column: number }[];
      expect(problems, probe.name).toContainEqual(expect.objectContaining({ code: probe.code, line: probe.line, column: probe.column }));
    }
    for (const item of items.values()) expect((await getAuthoringItem(author, item.id)).draft.text).toBe(item.text);
    expect(await getDb().compiledContent.count()).toBe(compiledBefore);
  }, 120_000);
});
