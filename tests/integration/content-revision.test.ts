import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { findCatalogAudience, loadCatalog } from "../../features/content/server/load-catalog";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, uniqueSuffix, type TestPlace } from "../factories/people";

/**
 * The content revision (decision 046): the database raises one number whenever something a
 * catalog is made of changes, so a server may keep the catalogs it built until the number moves,
 * and a change written through any server is seen by the next request on every other.
 */

const db = getDb();
const revision = async () => (await db.contentRevision.findUniqueOrThrow({ where: { id: 1 } })).n;

let place: TestPlace;
let learner: Actor;
let colleague: Actor;
let outsider: Actor;

beforeAll(async () => {
  place = await createPlace(db);
  const elsewhere = await createPlace(db);
  learner = (await findCatalogAudience((await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] })).id))!;
  colleague = (await findCatalogAudience((await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] })).id))!;
  outsider = (await findCatalogAudience((await createPerson(db, { organizationId: elsewhere.organizationId, roles: ["LEARNER"] })).id))!;
});

describe("the content revision", () => {
  it("rises with a published version, a track or a region's name, and stays put while an author's draft is saved", async () => {
    const author = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    const start = await revision();
    const item = await db.authoredItem.create({
      data: { kind: "lesson", slug: `revision-${uniqueSuffix()}`, regionId: place.regionId, createdById: author.id, draftText: "# Чернетка" },
    });
    const afterCreate = await revision();
    expect(afterCreate).toBeGreaterThan(start);

    await db.authoredItem.update({ where: { id: item.id }, data: { draftText: "# Чернетка, друга спроба", draftRevision: { increment: 1 } } });
    await db.authoredItem.update({ where: { id: item.id }, data: { draftTitle: "Нова назва" } });
    expect(await revision()).toBe(afterCreate);

    const approver = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    await db.authoredVersion.create({
      data: {
        itemId: item.id,
        number: 1,
        text: "# Урок",
        title: "Урок",
        summary: "—",
        meta: {},
        compiledKey: `test-${item.id}`,
        submittedById: author.id,
        approvedById: approver.id,
        publishAt: new Date(),
      },
    });
    const afterVersion = await revision();
    expect(afterVersion).toBeGreaterThan(afterCreate);
    await db.authoredItem.update({ where: { id: item.id }, data: { currentVersion: 1 } });
    const afterPublish = await revision();
    expect(afterPublish).toBeGreaterThan(afterVersion);

    await db.authoredItemHromada.create({ data: { itemId: item.id, hromadaId: place.hromadaId } });
    const afterHromada = await revision();
    expect(afterHromada).toBeGreaterThan(afterPublish);

    await db.regionTrack.create({
      data: {
        slug: `revision-track-${uniqueSuffix()}`,
        regionId: place.regionId,
        title: "Трек",
        description: "Опис",
        lessons: ["strong-passwords"],
        createdById: author.id,
      },
    });
    const afterTrack = await revision();
    expect(afterTrack).toBeGreaterThan(afterHromada);

    await db.region.update({ where: { id: place.regionId }, data: { nameEn: `Renamed ${uniqueSuffix()}` } });
    expect(await revision()).toBeGreaterThan(afterTrack);
  });

  it("loses no rise when many changes are written at once", async () => {
    const author = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    const start = await revision();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.regionTrack.create({
          data: {
            slug: `race-${i}-${uniqueSuffix()}`,
            regionId: place.regionId,
            title: `Трек ${i}`,
            description: "Опис",
            lessons: ["strong-passwords"],
            createdById: author.id,
          },
        }),
      ),
    );
    expect(await revision()).toBe(start + 8n);
  });

  it("is one row: a second one is refused", async () => {
    await expect(db.contentRevision.create({ data: { id: 2 } })).rejects.toThrow();
    expect(await db.contentRevision.count()).toBe(1);
  });
});

describe("catalogs kept between requests", () => {
  it("are shared by people who see the same items, and built again once anything in them changes, wherever it was written", async () => {
    const first = await loadCatalog(learner);
    expect(await loadCatalog(learner)).toBe(first);
    expect(await loadCatalog(colleague)).toBe(first);
    expect(await loadCatalog(outsider)).not.toBe(first);

    // Another server adds a track for this region: it writes to the database only.
    const author = await createPerson(db, { organizationId: place.organizationId, roles: ["METHODOLOGIST"] });
    const slug = `kept-track-${uniqueSuffix()}`;
    await db.$executeRaw`
      INSERT INTO "RegionTrack" ("id", "slug", "regionId", "title", "description", "lessons", "createdById", "updatedAt")
      VALUES (${`t${uniqueSuffix()}`}, ${slug}, ${place.regionId}, 'Трек з іншого сервера', 'Опис', ARRAY['strong-passwords'], ${author.id}, now())`;

    const after = await loadCatalog(learner);
    expect(after).not.toBe(first);
    expect(after.tracks().map((t) => t.id)).toContain(slug);
    expect(first.tracks().map((t) => t.id)).not.toContain(slug);
    expect((await loadCatalog(outsider)).tracks().map((t) => t.id)).not.toContain(slug);
  });
});
