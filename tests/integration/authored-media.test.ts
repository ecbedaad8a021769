import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { SessionUser } from "../../server/auth/current-user";
import { createLocalDiskStorage } from "../../server/storage/local-disk";
import { sanitizeSvg } from "../../server/storage/svg";
import { uploadFile } from "../../features/files/server/upload-file";
import { attachFiles } from "../../features/files/server/attach-files";
import { serveFile } from "../../features/files/server/serve-file";
import { loadAuthoredMedia } from "../../features/authoring/server/load-authored-media";
import { AUTHORED_ITEM_FILES } from "../../features/content/media-path";
import { createPerson, createPlace, uniqueSuffix, type TestPlace } from "../factories/people";

/**
 * Files in documents written in the app (decision 029, "Authored documents"): which uploads a text
 * may use (`loadAuthoredMedia`), and who is served an authored item's files (its own read rule).
 */

const storage = createLocalDiskStorage(mkdtempSync(join(tmpdir(), "skh-authored-media-")));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-authored-png")]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-authored-jpeg")]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 720"><rect width="360" height="720" fill="#fff"/></svg>';

let poltava: TestPlace;
let zhytomyr: TestPlace;
let otherHromadaId: string;
let people: Record<"methodologist" | "colleague" | "stranger" | "learner" | "learnerElsewhere" | "zhytomyrLearner" | "admin", SessionUser>;

async function person(place: TestPlace, roles: Role[], hromadaId = place.hromadaId): Promise<SessionUser> {
  const organizationId =
    hromadaId === place.hromadaId
      ? place.organizationId
      : (await getDb().organization.create({ data: { hromadaId, name: `Центр ${uniqueSuffix()}`, kind: "SOCIAL_SERVICES_CENTRE" } })).id;
  const made = await createPerson(getDb(), { organizationId, roles });
  return { id: made.id, roles, organizationId, hromadaId, regionId: place.regionId, name: made.name, email: made.email, locale: "uk" };
}

beforeAll(async () => {
  const db = getDb();
  poltava = await createPlace(db);
  zhytomyr = await createPlace(db);
  otherHromadaId = (await db.hromada.create({ data: { regionId: poltava.regionId, nameUk: `Громада ${uniqueSuffix()}`, nameEn: "Other hromada" } })).id;
  people = {
    methodologist: await person(poltava, ["METHODOLOGIST"]),
    colleague: await person(poltava, ["METHODOLOGIST"]),
    stranger: await person(zhytomyr, ["METHODOLOGIST"]),
    learner: await person(poltava, ["LEARNER"]),
    learnerElsewhere: await person(poltava, ["LEARNER"], otherHromadaId),
    zhytomyrLearner: await person(zhytomyr, ["LEARNER"]),
    admin: await person(zhytomyr, ["ADMIN"]),
  };
});

async function upload(actor: SessionUser, bytes: Buffer | string, contentType: string): Promise<string> {
  const body = new Response(typeof bytes === "string" ? bytes : new Uint8Array(bytes)).body;
  return (await uploadFile(actor, { contentType, name: "screen", body }, storage)).id;
}

/** An item as the workflow leaves it: a draft, or published (a version made current), for a region or the country. */
async function authoredItem(options: { regionId: string | null; published: boolean; hromadaIds?: string[] }): Promise<string> {
  const db = getDb();
  const item = await db.authoredItem.create({
    data: {
      kind: "walkthrough",
      slug: `authored-media-${uniqueSuffix()}-${uniqueSuffix()}`,
      regionId: options.regionId,
      createdById: people.methodologist.id,
      draftText: "…",
      hromadas: { create: (options.hromadaIds ?? []).map((hromadaId) => ({ hromadaId })) },
    },
  });
  if (options.published) {
    await db.authoredVersion.create({
      data: {
        itemId: item.id,
        number: 1,
        text: "…",
        title: "Вхід у застосунок",
        summary: "Як увійти.",
        meta: {},
        compiledKey: `v1/walkthrough/${item.id}-1/${"0".repeat(64)}`,
        submittedById: people.methodologist.id,
        approvedById: people.colleague.id,
        publishAt: new Date(),
        publishedAt: new Date(),
      },
    });
    await db.authoredItem.update({ where: { id: item.id }, data: { currentVersion: 1 } });
  }
  return item.id;
}

async function attachedFile(itemId: string): Promise<string> {
  const id = await upload(people.methodologist, PNG, "image/png");
  await attachFiles(people.methodologist, [id], { itemType: AUTHORED_ITEM_FILES, itemId });
  return id;
}

/** 200 with the bytes, or the error's code (404 is "not_found"). */
async function served(actor: SessionUser, fileId: string): Promise<number | string> {
  return serveFile(actor, fileId, null, storage).then(
    (response) => response.status,
    (error: { code?: string }) => error.code ?? "error",
  );
}

describe("loading the uploaded files a text names", () => {
  it("reads the actor's loose uploads and this item's files, SVG with its text, and says which to attach", async () => {
    const itemId = await authoredItem({ regionId: poltava.regionId, published: false });
    const png = await upload(people.methodologist, PNG, "image/png");
    const jpeg = await upload(people.methodologist, JPEG, "image/jpeg");
    const svg = await upload(people.methodologist, SVG, "image/svg+xml");
    const onItem = await attachedFile(itemId);
    const text = `<GuideStep screen="./f-${png}.png" />\n![a](./f-${jpeg}.jpg) ![b](./f-${jpeg}.jpeg)\n<Figure src="./f-${svg}.svg" />\n<GuideStep screen="./f-${onItem}.png" />`;

    const media = await loadAuthoredMedia({ itemId, actorId: people.methodologist.id, text }, storage);
    expect(media.readScreen(`./f-${png}.png`)).toEqual({ text: "", bytes: PNG.length, contentType: "image/png" });
    expect(media.readScreen(`./f-${jpeg}.jpg`)).toEqual({ text: "", bytes: JPEG.length, contentType: "image/jpeg" });
    expect(media.readScreen(`./f-${jpeg}.jpeg`)).toEqual({ text: "", bytes: JPEG.length, contentType: "image/jpeg" });
    const sanitized = sanitizeSvg(Buffer.from(SVG));
    expect(media.readScreen(`./f-${svg}.svg`)).toEqual({ text: sanitized, bytes: Buffer.byteLength(sanitized), contentType: "image/svg+xml" });
    expect(media.readScreen(`./f-${onItem}.png`)).toMatchObject({ contentType: "image/png" });
    expect(media.readScreen("./screen.svg")).toBeNull();
    expect(media.fileIds.sort()).toEqual([png, jpeg, svg].sort());
    expect(media.attachedFileIds).toEqual([onItem]);
    expect(media.missing).toEqual([]);

    // What the workflow does with them when it saves: attach the loose ones (the others would be 409).
    await attachFiles(people.methodologist, media.fileIds, { itemType: AUTHORED_ITEM_FILES, itemId });
    const again = await loadAuthoredMedia({ itemId, actorId: people.methodologist.id, text }, storage);
    expect(again.fileIds).toEqual([]);
    expect(again.attachedFileIds.sort()).toEqual([png, jpeg, svg, onItem].sort());
  });

  it("does not lend a file of another author, of another item, or under an extension that is not its type", async () => {
    const itemId = await authoredItem({ regionId: poltava.regionId, published: false });
    const otherItem = await authoredItem({ regionId: poltava.regionId, published: false });
    const colleagues = await upload(people.colleague, PNG, "image/png");
    const otherItems = await attachedFile(otherItem);
    const mine = await upload(people.methodologist, PNG, "image/png");
    const names = [`./f-${colleagues}.png`, `./f-${otherItems}.png`, `./f-${mine}.jpg`, `./f-${mine}.svg`, "./f-cnosuchfile0000000000000.png"];

    const media = await loadAuthoredMedia({ itemId, actorId: people.methodologist.id, text: names.map((n) => `![x](${n})`).join("\n") }, storage);
    for (const name of names) expect(media.readScreen(name), name).toBeNull();
    expect(media.fileIds).toEqual([]);
    expect(media.attachedFileIds).toEqual([]);
    expect(media.missing).toEqual(names);
  });

  it("takes only the actor's loose uploads for an item not saved yet, and nothing from a text without uploads", async () => {
    const mine = await upload(people.methodologist, PNG, "image/png");
    const onItem = await attachedFile(await authoredItem({ regionId: poltava.regionId, published: false }));
    const media = await loadAuthoredMedia({ itemId: null, actorId: people.methodologist.id, text: `![a](./f-${mine}.png) ![b](./f-${onItem}.png)` }, storage);
    expect(media.fileIds).toEqual([mine]);
    expect(media.missing).toEqual([`./f-${onItem}.png`]);
    expect(await loadAuthoredMedia({ itemId: null, actorId: people.methodologist.id, text: '<GuideStep screen="./screen.svg" />' }, storage)).toMatchObject({
      fileIds: [],
      attachedFileIds: [],
      missing: [],
    });
  });
});

describe("serving an authored item's files: whoever reads the item, 404 to everyone else", () => {
  it("serves a Poltava item's file to its region's methodologists while a draft, and to Poltava learners once published", async () => {
    const itemId = await authoredItem({ regionId: poltava.regionId, published: false });
    const file = await attachedFile(itemId);
    expect(await served(people.methodologist, file)).toBe(200);
    expect(await served(people.colleague, file)).toBe(200);
    expect(await served(people.admin, file)).toBe(200);
    expect(await served(people.learner, file)).toBe("not_found");
    expect(await served(people.stranger, file)).toBe("not_found");

    await getDb().$transaction(async (tx) => {
      await tx.authoredVersion.create({
        data: {
          itemId,
          number: 1,
          text: "…",
          title: "Вхід",
          summary: "Як увійти.",
          meta: {},
          compiledKey: `v1/walkthrough/${itemId}-1/${"0".repeat(64)}`,
          submittedById: people.methodologist.id,
          approvedById: people.colleague.id,
          publishAt: new Date(),
          publishedAt: new Date(),
        },
      });
      await tx.authoredItem.update({ where: { id: itemId }, data: { currentVersion: 1 } });
    });
    expect(await served(people.learner, file)).toBe(200);
    expect(await served(people.learnerElsewhere, file)).toBe(200);
    expect(await served(people.zhytomyrLearner, file)).toBe("not_found");
    expect(await served(people.stranger, file)).toBe("not_found");
  });

  it("keeps a published item narrowed to hromadas to their people (and the region's methodologists)", async () => {
    const file = await attachedFile(await authoredItem({ regionId: poltava.regionId, published: true, hromadaIds: [otherHromadaId] }));
    expect(await served(people.learnerElsewhere, file)).toBe(200);
    expect(await served(people.learner, file)).toBe("not_found");
    expect(await served(people.colleague, file)).toBe(200);
    expect(await served(people.zhytomyrLearner, file)).toBe("not_found");
  });

  it("serves a published national item's file to anyone signed in, and a national draft's to admins and its uploader only", async () => {
    const published = await attachedFile(await authoredItem({ regionId: null, published: true }));
    for (const who of Object.values(people)) expect(await served(who, published), who.email).toBe(200);
    const draft = await attachedFile(await authoredItem({ regionId: null, published: false }));
    expect(await served(people.admin, draft)).toBe(200);
    expect(await served(people.methodologist, draft)).toBe(200);
    for (const who of [people.colleague, people.learner, people.zhytomyrLearner, people.stranger])
      expect(await served(who, draft), who.email).toBe("not_found");
  });

  it("keeps a file attached to an item that is gone, or to an unknown kind of item, to its uploader", async () => {
    const itemId = await authoredItem({ regionId: null, published: true });
    const file = await attachedFile(itemId);
    await getDb().authoredItem.delete({ where: { id: itemId } });
    expect(await served(people.learner, file)).toBe("not_found");
    expect(await served(people.methodologist, file)).toBe(200);
    const unknown = await upload(people.methodologist, PNG, "image/png");
    await attachFiles(people.methodologist, [unknown], { itemType: "something-else", itemId });
    expect(await served(people.learner, unknown)).toBe("not_found");
  });
});
