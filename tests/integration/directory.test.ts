import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs } from "../helpers/api";
import * as regions from "../../app/api/v1/directory/regions/route";
import * as hromadas from "../../app/api/v1/directory/hromadas/route";
import * as organizations from "../../app/api/v1/directory/organizations/route";
import * as organization from "../../app/api/v1/directory/organizations/[id]/route";

let poltavaId = "";
let zhytomyrHromadaId = "";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("x-unused-password") });
  poltavaId = (await getDb().region.findUniqueOrThrow({ where: { code: "UA-53" } })).id;
  zhytomyrHromadaId = (await getDb().hromada.findFirstOrThrow({ where: { region: { code: "UA-18" } } })).id;
});

describe("the directory", () => {
  it("an admin adds a region, a hromada in it and an organization", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const region = await callRoute(regions.POST, "/x", { body: { code: "ua-71", nameUk: "Черкаська область", nameEn: "Cherkasy Oblast" } });
    expect(region.status).toBe(201);
    expect((await getDb().region.findUniqueOrThrow({ where: { code: "UA-71" } })).nameEn).toBe("Cherkasy Oblast");
    // Its community space comes with it: the region's workers have a place to talk from day one.
    expect(await getDb().communitySpace.findFirst({ where: { kind: "REGION", regionId: String(region.json.id) }, select: { slug: true, name: true } })).toEqual(
      {
        slug: "region-ua-71",
        name: "Черкаська область",
      },
    );
    const dup = await callRoute(regions.POST, "/x", { body: { code: "UA-71", nameUk: "Черкаська", nameEn: "Cherkasy" } });
    expect(dup.status).toBe(409);
    expect(await getDb().communitySpace.count({ where: { kind: "REGION", region: { code: "UA-71" } } })).toBe(1);
    const badCode = await callRoute(regions.POST, "/x", { body: { code: "Cherkasy", nameUk: "Черкаська", nameEn: "Cherkasy" } });
    expect(badCode.status).toBe(400);
    expect(badCode.json.error?.fields?.code).toEqual(["Код має вигляд UA-53."]);

    const hromada = await callRoute(hromadas.POST, "/x", {
      body: { regionId: region.json.id, nameUk: "Уманська міська громада", nameEn: "Umanska urban hromada" },
    });
    expect(hromada.status).toBe(201);
    const org = await callRoute(organizations.POST, "/x", {
      body: { hromadaId: hromada.json.id, name: "Центр надання соціальних послуг Уманської міської ради", kind: "SOCIAL_SERVICES_CENTRE" },
    });
    expect(org.status).toBe(201);
    // Only this test's three records: other tests of the file add organizations too, in any order.
    const audited = await getDb().auditEntry.findMany({
      where: { targetId: { in: [region.json.id, hromada.json.id, org.json.id].map(String) } },
      select: { action: true },
    });
    expect(audited.map((a) => a.action).sort()).toEqual(["directory.hromada-created", "directory.organization-created", "directory.region-created"]);
  });

  it("a methodologist adds organizations only in their region and cannot add hromadas or regions", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const own = await getDb().hromada.findFirstOrThrow({ where: { regionId: poltavaId } });
    const ok = await callRoute(organizations.POST, "/x", { body: { hromadaId: own.id, name: "ГО «Полтавські волонтери»", kind: "NGO" } });
    expect(ok.status).toBe(201);
    // Another region's hromada answers like one that does not exist.
    const elsewhere = await callRoute(organizations.POST, "/x", { body: { hromadaId: zhytomyrHromadaId, name: "ГО «Чужа»", kind: "NGO" } });
    const nowhere = await callRoute(organizations.POST, "/x", { body: { hromadaId: "cnosuchhromada000000000000", name: "ГО «Чужа»", kind: "NGO" } });
    expect([elsewhere.status, nowhere.status]).toEqual([404, 404]);
    expect(elsewhere.json).toEqual(nowhere.json);
    expect((await callRoute(hromadas.POST, "/x", { body: { regionId: poltavaId, nameUk: "Нова громада", nameEn: "Nova" } })).status).toBe(403);
    expect((await callRoute(regions.POST, "/x", { body: { code: "UA-05", nameUk: "Вінницька", nameEn: "Vinnytsia" } })).status).toBe(403);
    expect(await getDb().organization.count({ where: { name: "ГО «Чужа»" } })).toBe(0);
  });

  it("refuses a duplicate organization name whatever its case", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const existing = await getDb().organization.findFirstOrThrow();
    const res = await callRoute(organizations.POST, "/x", { body: { hromadaId: existing.hromadaId, name: existing.name.toUpperCase(), kind: "OTHER" } });
    expect(res.status).toBe(409);
  });

  it("sets how often an organization's people are invited to reassess, within its own region only", async () => {
    const own = await getDb().organization.findFirstOrThrow({ where: { hromada: { regionId: poltavaId } } });
    const other = await getDb().organization.findFirstOrThrow({ where: { hromada: { region: { code: "UA-18" } } } });
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const ok = await callRoute(organization.PATCH, "/x", { method: "PATCH", params: { id: own.id }, body: { reassessEveryDays: 120 } });
    expect(ok.status).toBe(200);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: own.id } })).reassessEveryDays).toBe(120);
    const tooOften = await callRoute(organization.PATCH, "/x", { method: "PATCH", params: { id: own.id }, body: { reassessEveryDays: 7 } });
    expect(tooOften.status).toBe(400);
    expect(tooOften.json.error?.fields?.reassessEveryDays).toEqual(["Від 30 до 365 днів."]);
    const elsewhere = await callRoute(organization.PATCH, "/x", { method: "PATCH", params: { id: other.id }, body: { reassessEveryDays: 60 } });
    const nowhere = await callRoute(organization.PATCH, "/x", {
      method: "PATCH",
      params: { id: "cnosuchorganization0000000" },
      body: { reassessEveryDays: 60 },
    });
    expect([elsewhere.status, nowhere.status]).toEqual([404, 404]);
    expect(elsewhere.json).toEqual(nowhere.json);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: other.id } })).reassessEveryDays).toBe(90);
  });
});
