import { beforeAll, describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { insertSubmittedAssessment } from "../factories/assessments";
import { hashPassword } from "../../server/auth/password";
import { computeAggregates } from "../../features/competences/server/aggregates";
import { callRoute, signInAs } from "../helpers/api";
import * as exportRoute from "../../app/api/v1/reports/export/route";
import { testCookieJar } from "../setup/next-request";

type Freq = "ALWAYS" | "OFTEN" | "SOMETIMES" | "NEVER";
// Seed 001, Table 2 as counts of its 74 respondents.
const TABLE2: Record<string, [number, number, number, number]> = {
  interaction: [25, 34, 14, 1],
  informing: [27, 31, 11, 5],
  communication: [33, 24, 16, 1],
  provision: [17, 25, 27, 5],
  searching: [41, 25, 8, 0],
  development: [44, 26, 4, 0],
};
const FREQ: Freq[] = ["ALWAYS", "OFTEN", "SOMETIMES", "NEVER"];

let poltava = { regionId: "", bigHromadaId: "", smallHromadaId: "", orgId: "", smallOrgId: "" };

beforeAll(async () => {
  const db = getDb();
  await createDemoWorld(db, { passwordHash: await hashPassword("not-used-here") });
  const region = await db.region.findUniqueOrThrow({ where: { code: "UA-53" }, include: { hromadas: { include: { organizations: true } } } });
  const [big, small] = region.hromadas;
  poltava = {
    regionId: region.id,
    bigHromadaId: big!.id,
    smallHromadaId: small!.id,
    orgId: big!.organizations[0]!.id,
    smallOrgId: small!.organizations[0]!.id,
  };

  // 74 respondents in one hromada answering as in Table 2, plus 3 in another (too few to show).
  const people = await db.user.createManyAndReturn({
    data: Array.from({ length: 77 }, (_, i) => ({
      email: `resp${i}@example.org`,
      name: `Respondent ${i}`,
      organizationId: i < 74 ? poltava.orgId : poltava.smallOrgId,
    })),
    select: { id: true },
  });
  for (let i = 0; i < 77; i++) {
    const purposes: Record<string, Freq> = {};
    for (const [purpose, counts] of Object.entries(TABLE2)) {
      let k = i % 74;
      let f = 0;
      while (k >= counts[f]!) k -= counts[f++]!;
      purposes[purpose] = FREQ[f]!;
    }
    const full = i < 10;
    await insertSubmittedAssessment(db, {
      userId: people[i]!.id,
      regionId: poltava.regionId,
      hromadaId: i < 74 ? poltava.bigHromadaId : poltava.smallHromadaId,
      organizationId: i < 74 ? poltava.orgId : poltava.smallOrgId,
      submittedAt: new Date(Date.UTC(2026, 9, 1 + (i % 20))),
      form: full ? "FULL" : "SHORT",
      ratings: full
        ? [
            { itemType: "COMPETENCE", itemId: "1.1", level: 4 },
            { itemType: "COMPETENCE", itemId: "1.2", level: 2 },
            { itemType: "COMPETENCE", itemId: "1.3", level: 3 },
          ]
        : [{ itemType: "AREA", itemId: "1", level: i % 9 }],
      purposes,
      tools: full && i < 5 ? [{ tool: "viber-closed-groups", direction: "dissemination" }] : [],
    });
  }
  // An earlier assessment of respondent 0, in another quarter: only the latest counts in totals.
  const earlier = await db.user.findUniqueOrThrow({ where: { email: "resp0@example.org" } });
  await insertSubmittedAssessment(db, {
    userId: earlier.id,
    regionId: poltava.regionId,
    hromadaId: poltava.bigHromadaId,
    organizationId: poltava.orgId,
    submittedAt: new Date(Date.UTC(2026, 3, 10)),
    form: "SHORT",
    ratings: [{ itemType: "AREA", itemId: "1", level: 8 }],
    purposes: { interaction: "NEVER", informing: "NEVER", communication: "NEVER", provision: "NEVER", searching: "NEVER", development: "NEVER" },
  });
});

describe("regional aggregates", () => {
  it("reproduce seed 001 Table 2 for the six purposes, counting each person's latest assessment once", async () => {
    const a = await computeAggregates({ kind: "hromada", hromadaId: poltava.bigHromadaId });
    expect(a.respondents).toBe(74);
    expect(a.purposes.interaction).toEqual({ ALWAYS: 33.8, OFTEN: 45.9, SOMETIMES: 18.9, NEVER: 1.4 });
    expect(a.purposes.informing).toEqual({ ALWAYS: 36.5, OFTEN: 41.9, SOMETIMES: 14.9, NEVER: 6.7 });
    expect(a.purposes.communication).toEqual({ ALWAYS: 44.6, OFTEN: 32.4, SOMETIMES: 21.6, NEVER: 1.4 });
    expect(a.purposes.provision).toEqual({ ALWAYS: 23, OFTEN: 33.8, SOMETIMES: 36.5, NEVER: 6.7 });
    expect(a.purposes.searching).toEqual({ ALWAYS: 55.4, OFTEN: 33.8, SOMETIMES: 10.8, NEVER: 0 });
    expect(a.purposes.development).toEqual({ ALWAYS: 59.5, OFTEN: 35.1, SOMETIMES: 5.4, NEVER: 0 });
  });

  it("count area levels from both forms and tools over full-form respondents", async () => {
    const a = await computeAggregates({ kind: "hromada", hromadaId: poltava.bigHromadaId });
    expect(a.fullFormRespondents).toBe(10);
    const area1 = a.areaDistribution["1"]!;
    expect(area1.reduce((s, n) => s + n, 0)).toBe(74);
    // Full forms: 1.1=4, 1.2=2, 1.3=3 → median 3, for 10 people; plus short-form levels i % 9.
    const shortAtThree = Array.from({ length: 64 }, (_, j) => (j + 10) % 9).filter((l) => l === 3).length;
    expect(area1[3]).toBe(10 + shortAtThree);
    expect(a.competenceDistribution?.["1.1"]?.[4]).toBe(10);
    expect(a.tools?.["viber-closed-groups"]?.dissemination).toBe(50);
    expect(a.tools?.["zoom"]?.communication).toBe(0);
  });

  it("never show a group under five: the small hromada, a thin quarter, and its twin in the breakdown", async () => {
    const small = await computeAggregates({ kind: "hromada", hromadaId: poltava.smallHromadaId });
    expect(small.respondents).toBe(3);
    expect(small.suppressed).toBe(true);
    expect(small.purposes).toEqual({});
    expect(small.areaDistribution).toEqual({});

    const region = await computeAggregates({ kind: "region", regionId: poltava.regionId });
    expect(region.respondents).toBe(77);
    const q2 = region.trend.find((q) => q.quarter === "2026 Q2");
    expect(q2).toEqual({ quarter: "2026 Q2", n: 1, suppressed: true, areaMeans: {} });
    const q4 = region.trend.find((q) => q.quarter === "2026 Q4");
    expect(q4?.n).toBe(77);
    expect(q4?.suppressed).toBe(false);
    const byHromada = new Map(region.breakdown.map((b) => [b.id, b]));
    expect(byHromada.get(poltava.smallHromadaId)).toEqual({ id: poltava.smallHromadaId, n: 0, suppressed: true });
    // With only one other hromada, showing it would reveal the hidden one by subtraction.
    expect(byHromada.get(poltava.bigHromadaId)?.suppressed).toBe(true);
  });

  it("fewer than five full forms hide the competence and tool tables", async () => {
    const db = getDb();
    const zhytomyr = await db.region.findUniqueOrThrow({ where: { code: "UA-18" }, include: { hromadas: { include: { organizations: true } } } });
    const org = zhytomyr.hromadas[0]!.organizations[0]!;
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: 6 }, (_, i) => ({ email: `zh${i}@example.org`, name: `Zh ${i}`, organizationId: org.id })),
      select: { id: true },
    });
    for (const [i, u] of users.entries()) {
      await insertSubmittedAssessment(db, {
        userId: u.id,
        regionId: zhytomyr.id,
        hromadaId: org.hromadaId,
        organizationId: org.id,
        submittedAt: new Date(),
        form: i < 4 ? "FULL" : "SHORT",
        ratings: i < 4 ? [{ itemType: "COMPETENCE", itemId: "2.1", level: 5 }] : [{ itemType: "AREA", itemId: "2", level: 3 }],
        purposes: { interaction: "OFTEN" },
        tools: i < 4 ? [{ tool: "zoom", direction: "provision" }] : [],
      });
    }
    const a = await computeAggregates({ kind: "region", regionId: zhytomyr.id });
    expect(a.respondents).toBe(6);
    expect(a.competenceDistribution).toBeNull();
    expect(a.tools).toBeNull();
    expect(a.areaDistribution["2"]?.[5]).toBe(4);
  });
});

describe("report exports and who may read them", () => {
  it("a methodologist downloads their region as XLSX and CSV with the same numbers", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const xlsx = await callRoute(exportRoute.GET, `/api/v1/reports/export?scope=region&id=${poltava.regionId}&format=xlsx`, { method: "GET" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(/attachment; filename="skhodynky-region-.*\.xlsx"/);

    const region = await callRoute(exportRoute.GET, `/api/v1/reports/export?scope=region&id=${poltava.regionId}&format=csv`, { method: "GET" });
    expect(region.status).toBe(200);
    expect(String(region.json)).toContain("Учасників: 77");
    const hromada = await callRoute(exportRoute.GET, `/api/v1/reports/export?scope=hromada&id=${poltava.bigHromadaId}&format=csv`, { method: "GET" });
    // Numbers as the Ukrainian page writes them: a decimal comma (so the cell is quoted), one decimal in a percentage.
    expect(String(hromada.json)).toContain('Побудова взаємодії з отримувачами послуг,"33,8","45,9","18,9","1,4"');
    expect(String(hromada.json)).toContain("Учасників: 74");
  });

  it("parses back from XLSX with the Table 2 row intact", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const { NextRequest } = await import("next/server");
    const res = await exportRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/reports/export?scope=hromada&id=${poltava.bigHromadaId}&format=xlsx`, {
        headers: { cookie: cookieHeader() },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const sheets = await readXlsxFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual([
      "Підсумок",
      "Розподіл рівнів за областями",
      "Мета використання ІКТ у роботі…",
      "Розподіл рівнів за…",
      "Інструменти ІКТ за напрямами…",
      "Зміни за кварталами",
    ]);
    const purposes = sheets[2]!.data;
    expect(purposes[0]?.[0]).toBe("Мета використання ІКТ у роботі (%)");
    const row = purposes.find((r) => r[0] === "Інформування громади про послуги організації");
    expect(row?.slice(1)).toEqual([36.5, 41.9, 14.9, 6.7]);

    const csv = await exportRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/reports/export?scope=hromada&id=${poltava.bigHromadaId}&format=csv`, {
        headers: { cookie: cookieHeader() },
      }),
      { params: Promise.resolve({}) },
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Cyrillic right
  });

  it("is refused to learners, curators, other regions' methodologists, and the country to methodologists", async () => {
    const url = `/api/v1/reports/export?scope=region&id=${poltava.regionId}&format=csv`;
    for (const email of ["learner@demo.skhodynky.org", "curator@demo.skhodynky.org", "methodist.zhytomyr@demo.skhodynky.org"]) {
      await signInAs(email);
      expect((await callRoute(exportRoute.GET, url, { method: "GET" })).status).toBe(403);
    }
    await signInAs("methodist.poltava@demo.skhodynky.org");
    expect((await callRoute(exportRoute.GET, "/api/v1/reports/export?scope=country&format=csv", { method: "GET" })).status).toBe(403);
    const smallHromada = await callRoute(exportRoute.GET, `/api/v1/reports/export?scope=hromada&id=${poltava.smallHromadaId}&format=csv`, { method: "GET" });
    expect(smallHromada.status).toBe(200);
    expect(String(smallHromada.json)).toContain("надто мало учасників");
    expect(String(smallHromada.json)).not.toContain("Побудова взаємодії");

    await signInAs("admin@demo.skhodynky.org");
    const country = await callRoute(exportRoute.GET, "/api/v1/reports/export?scope=country&format=csv", { method: "GET" });
    expect(country.status).toBe(200);
    const bad = await callRoute(exportRoute.GET, "/api/v1/reports/export?scope=planet&format=csv", { method: "GET" });
    expect(bad.status).toBe(400);
    const missing = await callRoute(exportRoute.GET, "/api/v1/reports/export?scope=region&id=nope&format=csv", { method: "GET" });
    expect(missing.status).toBe(404);
  });
});

function cookieHeader(): string {
  return [...testCookieJar()].map(([k, v]) => `${k}=${v}`).join("; ");
}
