import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import type { SessionUser } from "../../server/auth/current-user";
import { createLocalDiskStorage } from "../../server/storage/local-disk";
import { uploadFile } from "../../features/files/server/upload-file";
import { getToday } from "../../features/progress/server/get-today";
import { completeLesson } from "../../features/progress/server/complete-lesson";
import { loadCatalog } from "../../features/content/server/load-catalog";
import { lessonBundle, mediaPartsOf, trackBundle, walkthroughBundle, weekPlanBundle } from "../../features/offline/server/bundles";
import { actorFromDb } from "../factories/actors";
import { createDemoWorld, DEMO_EMAIL_DOMAIN } from "../factories/demo-world";
import { createDemoAuthoring, DEMO_REGIONAL_LESSON_ID } from "../factories/demo-authoring";
import { createPerson, createPlace } from "../factories/people";

/**
 * What "save for offline" downloads (decision 036): each thing's pages and pictures with their
 * weight, found through the reader's own catalog — another region's items are never listed.
 */
const db = getDb();
const actor = (email: string) => actorFromDb(db, { email });
let poltavaLearner: Awaited<ReturnType<typeof actor>>;
let zhytomyrLearner: Awaited<ReturnType<typeof actor>>;

beforeAll(async () => {
  await createDemoWorld(db, { passwordHash: await hashPassword("unused-in-these-tests") });
  await createDemoAuthoring(db);
  poltavaLearner = await actor(`learner@${DEMO_EMAIL_DOMAIN}`);
  const zhytomyr = await db.user.findFirstOrThrow({
    where: { organization: { hromada: { region: { nameUk: "Житомирська область" } } }, roles: { some: { role: "LEARNER" } } },
    select: { email: true },
  });
  zhytomyrLearner = await actor(zhytomyr.email);
}, 180_000);

const publicSize = (url: string) => statSync(join(process.cwd(), "public", url)).size;

describe("saving a lesson or a guide", () => {
  it("lists a lesson's page with an estimated weight", async () => {
    const bundle = await lessonBundle(poltavaLearner, "strong-passwords", "uk");
    expect(bundle).toMatchObject({ id: "lesson:strong-passwords", href: "/lessons/strong-passwords", title: "Надійний пароль, який легко запам'ятати" });
    expect(bundle!.parts[0]!.url).toBe("/lessons/strong-passwords");
    // Measured on the wire: 12–14 KB for this page (README); the estimate stays near it.
    expect(bundle!.parts[0]!.bytes).toBeGreaterThan(8_000);
    expect(bundle!.parts[0]!.bytes).toBeLessThan(20_000);
  });

  it("lists a guide's player, its printable handout, its enlarged screens and every screen, counted to the byte", async () => {
    const bundle = await walkthroughBundle(poltavaLearner, "diia-sign-in", "uk");
    const urls = bundle!.parts.map((p) => p.url);
    expect(urls.slice(0, 3)).toEqual(["/walkthroughs/diia-sign-in", "/walkthroughs/diia-sign-in/print", "/walkthroughs/diia-sign-in/screens"]);
    const screens = bundle!.parts.filter((p) => p.url.startsWith("/walkthrough-media/diia-sign-in/"));
    expect(screens.length).toBeGreaterThanOrEqual(8);
    for (const screen of screens) expect(screen.bytes, screen.url).toBe(publicSize(screen.url));
  });

  it("counts a picture uploaded in the app by its stored size", async () => {
    const place = await createPlace(db);
    const made = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    const methodologist: SessionUser = {
      id: made.id,
      roles: ["METHODOLOGIST"],
      organizationId: place.organizationId,
      hromadaId: place.hromadaId,
      regionId: place.regionId,
      name: made.name,
      email: made.email,
      locale: "uk",
    };
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50" fill="#fff"/></svg>';
    const storage = createLocalDiskStorage(mkdtempSync(join(tmpdir(), "skh-offline-bundles-")));
    const file = await uploadFile(methodologist, { contentType: "image/svg+xml", name: "screen", body: new Response(svg).body }, storage);
    const stored = await db.storedFile.findUniqueOrThrow({ where: { id: file.id }, select: { size: true } });
    const parts = await mediaPartsOf(`jsx(Figure, { src: "/api/v1/files/${file.id}" }); jsx(Figure, { src: "/api/v1/files/${file.id}" })`);
    expect(parts).toEqual([{ url: `/api/v1/files/${file.id}`, bytes: stored.size }]);
  });

  it("never lists another region's item, and nothing that does not exist", async () => {
    expect(await lessonBundle(poltavaLearner, DEMO_REGIONAL_LESSON_ID, "uk")).not.toBeNull();
    expect(await lessonBundle(zhytomyrLearner, DEMO_REGIONAL_LESSON_ID, "uk")).toBeNull();
    expect(await lessonBundle(poltavaLearner, "no-such-lesson", "uk")).toBeNull();
    expect(await walkthroughBundle(poltavaLearner, "no-such-guide", "uk")).toBeNull();
    const regionalTrack = (await loadCatalog(poltavaLearner)).tracks().find((t) => t.publisher?.scope === "region")!;
    expect((await trackBundle(poltavaLearner, regionalTrack.id, "uk"))?.parts.map((p) => p.url)).toContain(`/lessons/${DEMO_REGIONAL_LESSON_ID}`);
    expect(await trackBundle(zhytomyrLearner, regionalTrack.id, "uk")).toBeNull();
  });
});

describe("saving a track or this week's plan", () => {
  it("takes every lesson of a track, the catalog and the review session, each once", async () => {
    const bundle = await trackBundle(poltavaLearner, "security", "uk");
    const urls = bundle!.parts.map((p) => p.url);
    expect(urls[0]).toBe("/lessons");
    expect(urls.at(-1)).toBe("/review");
    for (const id of [
      "strong-passwords",
      "two-factor-sign-in",
      "recognise-phishing",
      "client-data-confidentiality",
      "safe-work-chats",
      "shared-office-computer",
    ]) {
      expect(urls).toContain(`/lessons/${id}`);
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(bundle).toMatchObject({ id: "track:security", title: "Безпека і захист даних", href: "/lessons" });
  });

  it("takes Today, today's lesson, the next unfinished lessons of its track and the review session", async () => {
    const place = await createPlace(db);
    const made = await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] });
    const learner = await actor(made.email);
    await completeLesson(learner, "two-factor-sign-in", { doneAt: new Date().toISOString(), minutes: 4, answers: [] });
    const today = await getToday(learner, "uk");
    expect(today.pick?.href).toBe("/lessons/strong-passwords");
    const bundle = await weekPlanBundle(learner, today, "uk", "План тижня");
    expect(bundle).toMatchObject({ id: "week", title: "План тижня", href: "/today" });
    expect(bundle.parts.map((p) => p.url)).toEqual([
      "/today",
      "/lessons/strong-passwords",
      // The next four of the track, leaving out the one already finished.
      "/lessons/recognise-phishing",
      "/lessons/client-data-confidentiality",
      "/lessons/safe-work-chats",
      "/lessons/shared-office-computer",
      "/review",
    ]);
  });
});
