import { decimalsAt, formatReportNumber } from "@/lib/report-number";
import { actorFromDb } from "../factories/actors";
import { beforeAll, describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { NextRequest } from "next/server";
import { getDb } from "../../server/db/client";
import { AppError } from "../../server/errors";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, createMentorship, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { testCookieJar } from "../setup/next-request";
import { completeLesson } from "../../features/progress/server/complete-lesson";
import { getActivityReport, type ActivityReport } from "../../features/activity-report/server/get-activity-report";
import { kyivDayStart, monthsOf, weeksOf } from "../../features/activity-report/period";
import { walkthroughStepIds } from "../../features/walkthroughs/server/catalog";
import { listLessons } from "../../features/lessons/server/catalog";
import * as exportRoute from "../../app/api/v1/reports/activity/export/route";

/**
 * The activity report on a small hand-made region (15 learners in three hromadas), a second region
 * whose learning must never show in the first one's numbers, and the Kyiv-day edges around
 * midnight on the night summer time ends (25 October 2026, +03:00 → +02:00) and in winter.
 */

const LESSON_A = "strong-passwords";
const LESSON_B = "recognise-phishing";
const GUIDE = "diia-sign-in";
const PERIOD = { from: "2026-10-24", to: "2026-11-02" };
const PASSWORD = "activity-report-test-password";

type World = {
  region: TestPlace;
  other: TestPlace;
  small: { hromadaId: string; organizationId: string };
  third: { hromadaId: string; organizationId: string };
  methodologist: TestPerson;
  otherMethodologist: TestPerson;
  admin: TestPerson;
  curator: TestPerson;
  learners: TestPerson[];
  smallLearners: TestPerson[];
  thirdLearners: TestPerson[];
  otherLearner: TestPerson;
};
let w: World;

const actorOf = (person: TestPerson) => actorFromDb(getDb(), { id: person.id });

/** An event as the app records it: on the Kyiv day of its instant. */
async function event(person: TestPerson, kind: "lesson" | "walkthrough" | "review", contentId: string, day: string, seconds = 180) {
  await getDb().learningActivity.create({ data: { userId: person.id, kind, contentId, day, seconds, at: new Date(`${day}T09:00:00Z`) } });
}

async function addPlace(regionId: string, name: string) {
  const db = getDb();
  const hromada = await db.hromada.create({ data: { regionId, nameUk: `Громада ${name}`, nameEn: `Hromada ${name}` } });
  const organization = await db.organization.create({ data: { hromadaId: hromada.id, name: `Центр ${name}` } });
  return { hromadaId: hromada.id, organizationId: organization.id };
}

const people = (n: number, organizationId: string) =>
  Promise.all(Array.from({ length: n }, () => createPerson(getDb(), { organizationId, roles: ["LEARNER"], password: PASSWORD })));

const table = (report: ActivityReport, id: string) => {
  const found = report.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const row = (report: ActivityReport, id: string, label: string) => table(report, id).rows.find((r) => r[0] === label);

beforeAll(async () => {
  const db = getDb();
  const region = await createPlace(db);
  const other = await createPlace(db);
  const small = await addPlace(region.regionId, "мала");
  const third = await addPlace(region.regionId, "третя");
  const [methodologist, otherMethodologist, admin, curator] = await Promise.all([
    createPerson(db, { organizationId: region.organizationId, roles: ["METHODOLOGIST"], password: PASSWORD }),
    createPerson(db, { organizationId: other.organizationId, roles: ["METHODOLOGIST"], password: PASSWORD }),
    createPerson(db, { organizationId: other.organizationId, roles: ["ADMIN"], password: PASSWORD }),
    createPerson(db, { organizationId: region.organizationId, roles: ["CURATOR"], password: PASSWORD }),
  ]);
  const learners = await people(7, region.organizationId);
  const smallLearners = await people(2, small.organizationId);
  const thirdLearners = await people(6, third.organizationId);
  const [otherLearner] = await people(1, other.organizationId);
  // A third region of 10 learners: beside the other region's hidden one, the smallest visible region is this one.
  await people(10, (await createPlace(db)).organizationId);
  w = { region, other, small, third, methodologist, otherMethodologist, admin, curator, learners, smallLearners, thirdLearners, otherLearner: otherLearner! };

  // The curator takes two mentees and is full.
  await db.user.update({ where: { id: curator.id }, data: { curatorCapacity: 2 } });
  await createMentorship(db, curator.id, learners[0]!.id);
  await createMentorship(db, curator.id, learners[1]!.id);

  const [l1, l2, l3, l4] = learners;
  // Through the app: 00:30 in Kyiv on 25 October (still +03:00) is the 25th; 23:59 the evening before is the 24th.
  const actor1 = await actorOf(l1!);
  await completeLesson(actor1, LESSON_A, { minutes: 4, answers: [] }, new Date("2026-10-24T21:30:00Z"));
  await completeLesson(actor1, LESSON_A, { minutes: 3, answers: [] }, new Date("2026-10-24T20:59:00Z"));
  await event(l2!, "walkthrough", GUIDE, "2026-10-26");
  await event(l2!, "lesson", LESSON_B, "2026-10-26");
  await event(l3!, "review", LESSON_A, "2026-10-26", 60);
  await event(smallLearners[0]!, "lesson", LESSON_B, "2026-10-27");
  // Winter: 00:30 in Kyiv on 2 November (+02:00) is the 2nd.
  await completeLesson(await actorOf(thirdLearners[0]!), LESSON_B, { minutes: 5, answers: [] }, new Date("2026-11-01T22:30:00Z"));
  // Outside the period: the day before it starts, the day after it ends.
  await event(l4!, "lesson", LESSON_A, "2026-10-23");
  await completeLesson(await actorOf(l4!), LESSON_A, { minutes: 5, answers: [] }, new Date("2026-11-02T22:00:00Z"));
  // Another region, inside the period: never in the first region's numbers.
  await event(w.otherLearner, "lesson", LESSON_A, "2026-10-26");
  await event(w.otherLearner, "walkthrough", GUIDE, "2026-10-26");

  // Guide reports: inside the period at both of its Kyiv edges, outside just beyond them, and another region's.
  const steps = walkthroughStepIds(GUIDE);
  const report = (regionId: string, kind: string, stepId: string, createdAt: string, resolved = false) =>
    db.walkthroughReport.create({
      data: { walkthroughId: GUIDE, stepId, kind, regionId, createdAt: new Date(createdAt), resolvedAt: resolved ? new Date(createdAt) : null },
    });
  await report(region.regionId, "stuck", steps[0]!, "2026-10-23T21:00:00Z"); // 00:00 on the 24th in Kyiv
  await report(region.regionId, "stuck", steps[0]!, "2026-11-02T21:59:00Z"); // 23:59 on 2 November in Kyiv
  await report(region.regionId, "stuck", steps[0]!, "2026-10-23T20:59:00Z"); // 23:59 on the 23rd: outside
  await report(region.regionId, "stuck", steps[0]!, "2026-11-02T22:00:00Z"); // 00:00 on 3 November: outside
  await report(region.regionId, "looks-different", steps[1]!, "2026-10-28T10:00:00Z");
  await report(region.regionId, "looks-different", steps[1]!, "2026-10-29T10:00:00Z", true);
  await report(other.regionId, "stuck", steps[0]!, "2026-10-28T10:00:00Z");
  // Two people stopped at the guide's second step without finishing (one of them in the other region).
  await db.walkthroughProgress.create({ data: { userId: learners[5]!.id, walkthroughId: GUIDE, step: 2, updatedAt: new Date("2026-10-30T10:00:00Z") } });
  await db.walkthroughProgress.create({ data: { userId: w.otherLearner.id, walkthroughId: GUIDE, step: 2, updatedAt: new Date("2026-10-30T10:00:00Z") } });
});

describe("Kyiv days", () => {
  it("start at Kyiv midnight whatever the season", () => {
    expect(kyivDayStart("2026-10-25").toISOString()).toBe("2026-10-24T21:00:00.000Z");
    expect(kyivDayStart("2026-10-26").toISOString()).toBe("2026-10-25T22:00:00.000Z");
    expect(kyivDayStart("2026-03-29").toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(kyivDayStart("2026-03-30").toISOString()).toBe("2026-03-29T21:00:00.000Z");
  });

  it("split a period into Monday weeks and months cut at its ends", () => {
    expect(weeksOf(PERIOD)).toEqual([
      { week: "2026-10-19", from: "2026-10-24", to: "2026-10-25" },
      { week: "2026-10-26", from: "2026-10-26", to: "2026-11-01" },
      { week: "2026-11-02", from: "2026-11-02", to: "2026-11-02" },
    ]);
    expect(monthsOf(PERIOD)).toEqual([
      { month: "2026-10", from: "2026-10-24", to: "2026-10-31" },
      { month: "2026-11", from: "2026-11-01", to: "2026-11-02" },
    ]);
  });
});

describe("the region's activity report", () => {
  it("counts active learners by Kyiv day, week and month, and finished work, on the hand-made data", async () => {
    const report = await getActivityReport(await actorOf(w.methodologist), { ...PERIOD }, "uk", new Date("2026-11-30T10:00:00Z"));
    expect(report.title).toBe(w.region.regionName);
    expect(report.suppressed).toBe(false);
    expect(report.learners).toBe(15);
    const days = Object.fromEntries(table(report, "byDay").rows.map((r) => [r[0], r.slice(1)]));
    // [active, lessons, guides, reviews, minutes]
    expect(days["2026-10-23"]).toBeUndefined();
    expect(days["2026-10-24"]).toEqual([1, 1, 0, 0, 3]);
    expect(days["2026-10-25"]).toEqual([1, 1, 0, 0, 4]);
    expect(days["2026-10-26"]).toEqual([2, 1, 1, 1, 7]);
    expect(days["2026-10-27"]).toEqual([1, 1, 0, 0, 3]);
    expect(days["2026-10-28"]).toEqual([0, 0, 0, 0, 0]);
    expect(days["2026-11-02"]).toEqual([1, 1, 0, 0, 5]);
    expect(days["2026-11-03"]).toBeUndefined();
    expect(table(report, "byDay").rows).toHaveLength(10);

    // A person active on both days of a week counts once in it.
    expect(table(report, "byWeek").rows.map((r) => r.slice(0, 3))).toEqual([
      ["2026-10-24 – 2026-10-25", 1, 2],
      ["2026-10-26 – 2026-11-01", 3, 2],
      ["2026-11-02 – 2026-11-02", 1, 1],
    ]);
    expect(table(report, "byMonth").rows.map((r) => r.slice(1, 3))).toEqual([
      [4, 4],
      [1, 1],
    ]);

    const figures = Object.fromEntries(table(report, "summary").rows);
    expect(figures["Учасників навчання"]).toBe(15);
    expect(figures["Активних за період"]).toBe(5);
    expect(figures["Частка активних (%)"]).toBe(33.3);
    expect(figures["Завершено уроків"]).toBe(5);
    expect(figures["Завершено інструкцій"]).toBe(1);
    expect(figures["Повторено запитань"]).toBe(1);
    expect(figures["Кураторів"]).toBe(1);
    expect(figures["Учасників із куратором"]).toBe(2);
    expect(figures["Без куратора"]).toBe(13);
    expect(figures["Кураторів із заповненою групою"]).toBe(1);
    expect(table(report, "curators").rows).toEqual([[w.curator.name, expect.stringContaining(w.region.hromadaName), 2, 2, "так"]]);
  });

  it("ranks lessons, counts guides, stuck steps and 'looks different' reports within the period and the region only", async () => {
    const report = await getActivityReport(await actorOf(w.methodologist), { ...PERIOD }, "uk");
    const most = table(report, "lessonsMost").rows;
    expect(most[0]?.[1]).toBe(3); // recognise-phishing: three people of this region
    expect(most[1]?.[1]).toBe(2); // strong-passwords: twice by one person, not the other region's
    expect(most).toHaveLength(2);
    const least = table(report, "lessonsLeast").rows;
    expect(least).toHaveLength(10);
    expect(least.every((r) => r[1] === 0)).toBe(true);
    expect(table(report, "guides").rows[0]?.[1]).toBe(1);

    const stuck = table(report, "stuckSteps").rows;
    expect(stuck).toHaveLength(2);
    expect(stuck.find((r) => String(r[1]).startsWith("1. "))?.slice(2)).toEqual([2, 0]);
    expect(stuck.find((r) => String(r[1]).startsWith("2. "))?.slice(2)).toEqual([0, 1]);
    expect(table(report, "looksDifferent").rows.map((r) => r.slice(2))).toEqual([[2, 1]]);
  });

  it("hides hromadas and organizations under five people, and one more when only one would be hidden", async () => {
    const report = await getActivityReport(await actorOf(w.methodologist), { ...PERIOD }, "uk");
    // [learners, active, share, lessons, guides, without a curator]
    expect(row(report, "byHromada", w.region.hromadaName)?.slice(1)).toEqual([7, 3, 42.9, 3, 1, 5]);
    expect(row(report, "byHromada", "Громада мала")?.slice(1)).toEqual(Array(6).fill("<5"));
    // Seen beside the region's total, the third hromada would give the small one away: hidden too.
    expect(row(report, "byHromada", "Громада третя")?.slice(1)).toEqual(Array(6).fill("<5"));
    expect(row(report, "byOrganization", w.region.organizationName)?.slice(2)).toEqual([7, 3, 42.9, 3, 1, 5]);
    expect(row(report, "byOrganization", "Центр мала")?.slice(2)).toEqual(Array(6).fill("<5"));
    expect(table(report, "byHromada").rows).toHaveLength(3);
  });

  it("shows nothing for a region of fewer than five learners", async () => {
    const report = await getActivityReport(await actorOf(w.otherMethodologist), { ...PERIOD }, "uk");
    expect(report.learners).toBe(1);
    expect(report.suppressed).toBe(true);
    expect(report.tables).toEqual([]);
  });

  it("is the methodologist's own region, any region or the country for admins, and 403 or 404 otherwise", async () => {
    const own = await actorOf(w.methodologist);
    expect((await getActivityReport(own, { ...PERIOD, region: w.region.regionId }, "uk")).title).toBe(w.region.regionName);
    const refusal = (actor: Actor, region?: string) =>
      getActivityReport(actor, { ...PERIOD, region }, "uk").then(
        () => null,
        (e: AppError) => e.status,
      );
    expect(await refusal(own, w.other.regionId)).toBe(403);
    expect(await refusal(own, "")).toBe(403);
    expect(await refusal(await actorOf(w.otherMethodologist), w.region.regionId)).toBe(403);
    expect(await refusal(await actorOf(w.curator))).toBe(403);
    expect(await refusal(await actorOf(w.learners[0]!))).toBe(403);
    expect(await refusal(await actorOf(w.learners[0]!), w.region.regionId)).toBe(403);
    expect(await refusal(own, "no-such-region")).toBe(404);

    const admin = await actorOf(w.admin);
    const asAdmin = await getActivityReport(admin, { ...PERIOD, region: w.region.regionId }, "uk");
    const asMethodologist = await getActivityReport(own, { ...PERIOD }, "uk");
    expect(asAdmin.tables.map((t) => t.rows)).toEqual(asMethodologist.tables.map((t) => t.rows));
    expect(asAdmin.choices.map((c) => c.id)).toEqual(expect.arrayContaining([w.region.regionId, w.other.regionId]));
    expect(asMethodologist.choices).toEqual([]);

    const country = await getActivityReport(admin, { ...PERIOD }, "uk");
    expect(country.region).toBeNull();
    const regions = table(country, "byRegion");
    expect(regions.rows.find((r) => r[0] === w.region.regionName)?.slice(1, 3)).toEqual([15, 5]);
    // The other region's single learner is a group of one: hidden (and, if it is the only one, the 10-learner region with it).
    expect(regions.rows.find((r) => r[0] === w.other.regionName)?.[1]).toBe("<5");
  });

  it("lists the region's workshops of the period with places, registered, waiting and who came once marked", async () => {
    const db = getDb();
    const workshop = (regionId: string | null, title: string, startsAt: string, capacity: number) =>
      db.workshop.create({
        data: {
          regionId,
          audience: "REGION",
          title,
          description: "Практикум для соціальних працівників.",
          onlineUrl: "https://meet.example.org/practicum",
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 90 * 60_000),
          capacity,
          createdById: w.methodologist.id,
        },
        select: { id: true },
      });
    const marked = await workshop(w.region.regionId, "Дія для літніх клієнтів", "2026-10-28T10:00:00Z", 3);
    const unmarked = await workshop(w.region.regionId, "Viber-спільнота громади", "2026-10-30T10:00:00Z", 5);
    await workshop(w.other.regionId, "Семінар іншої області", "2026-10-29T10:00:00Z", 5);
    await workshop(w.region.regionId, "Семінар поза періодом", "2026-11-20T10:00:00Z", 5);
    const [l1, l2, l3, l4] = w.learners;
    let queued = 0;
    const register = (workshopId: string, userId: string, status: string, attended: boolean | null = null) =>
      db.workshopRegistration.create({ data: { workshopId, userId, status, attended, queuedAt: new Date(Date.UTC(2026, 9, 20, 0, queued++)) } });
    await register(marked.id, l1!.id, "REGISTERED", true);
    await register(marked.id, l2!.id, "REGISTERED", true);
    await register(marked.id, l3!.id, "REGISTERED", false);
    await register(marked.id, l4!.id, "WAITLISTED");
    await register(unmarked.id, l1!.id, "REGISTERED");

    const report = await getActivityReport(await actorOf(w.methodologist), { ...PERIOD }, "uk");
    expect(table(report, "workshops").rows).toEqual([
      ["Дія для літніх клієнтів", expect.stringMatching(/^28 жовтня 2026.* 12:00$/), 3, 3, 1, 2],
      ["Viber-спільнота громади", expect.stringMatching(/^30 жовтня 2026.* 12:00$/), 5, 1, 0, "не позначено"],
    ]);
  });

  it("counts a day where the person worked on it, even after they move", async () => {
    const db = getDb();
    const mover = w.learners[6]!;
    await event(mover, "lesson", LESSON_A, "2026-09-10");
    await db.user.update({ where: { id: mover.id }, data: { organizationId: w.other.organizationId } });
    try {
      const report = await getActivityReport(await actorOf(w.methodologist), { from: "2026-09-10", to: "2026-09-10" }, "uk");
      const figures = Object.fromEntries(table(report, "summary").rows);
      expect([figures["Учасників навчання"], figures["Активних за період"], figures["Завершено уроків"]]).toEqual([14, 1, 1]);
      expect(await db.activityDay.findMany({ where: { userId: mover.id, day: "2026-09-10" }, select: { regionId: true, organizationId: true } })).toEqual([
        { regionId: w.region.regionId, organizationId: w.region.organizationId },
      ]);
    } finally {
      await db.user.update({ where: { id: mover.id }, data: { organizationId: w.region.organizationId } });
    }
  });
});

describe("the activity report's exports", () => {
  const url = (extra: string) => `/api/v1/reports/activity/export?from=${PERIOD.from}&to=${PERIOD.to}${extra}`;
  const cookieHeader = () => [...testCookieJar()].map(([k, v]) => `${k}=${v}`).join("; ");

  it("carry the same numbers as the page in CSV and XLSX, whole or one table", async () => {
    const report = await getActivityReport(await actorOf(w.methodologist), { ...PERIOD }, "uk");
    await signInAs(w.methodologist.email);

    const csv = await callRoute(exportRoute.GET, url("&format=csv"), { method: "GET" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/filename="skhodynky-activity-t-[a-z0-9]+-2026-10-24-2026-11-02\.csv"/);
    const text = String(csv.json);
    expect(text).toContain(`Звіт про навчальну активність: ${w.region.regionName}`);
    expect(text).toContain("Період: 24 жовтня 2026 р. – 2 листопада 2026 р. (за київським часом)");
    for (const t of report.tables) {
      expect(text).toContain(t.title);
      for (const [i, r] of t.rows.entries()) {
        const cells = r.map((c, j) => (typeof c === "number" ? formatReportNumber(c, "uk", decimalsAt(t.decimals, i, j), { grouping: false }) : c));
        expect(text).toContain(cells.map((c) => (/[",\n;]/.test(c) ? `"${c}"` : c)).join(","));
      }
    }
    // The active share is a percentage with one decimal and a decimal comma, as on the page.
    expect(text).toMatch(/\nЧастка активних[^,\n]*,"\d+,\d"\r\n/);

    const xlsx = await exportRoute.GET(new NextRequest(`http://localhost:3000${url("&format=xlsx")}`, { headers: { cookie: cookieHeader() } }), {
      params: Promise.resolve({}),
    });
    expect(xlsx.status).toBe(200);
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets[0]?.sheet).toBe("Підсумок");
    expect(sheets).toHaveLength(report.tables.length + 1);
    for (const t of report.tables) {
      const sheet = sheets.find((s) => s.data[0]?.[0] === t.title);
      expect(sheet, t.title).toBeDefined();
      if (t.rows.length) expect(sheet!.data.slice(sheet!.data.length - t.rows.length)).toEqual(t.rows);
    }

    const one = await exportRoute.GET(new NextRequest(`http://localhost:3000${url("&format=xlsx&table=byWeek")}`, { headers: { cookie: cookieHeader() } }), {
      params: Promise.resolve({}),
    });
    const oneSheets = await readXlsxFile(Buffer.from(await one.arrayBuffer()));
    expect(oneSheets.map((s) => s.data[0]?.[0])).toEqual([`Звіт про навчальну активність: ${w.region.regionName}`, "Активність по тижнях"]);
    expect(oneSheets[1]!.data.slice(-3)).toEqual(table(report, "byWeek").rows);

    expect((await callRoute(exportRoute.GET, url("&format=csv&table=nothing"), { method: "GET" })).status).toBe(404);
    expect((await callRoute(exportRoute.GET, url(`&format=csv&region=${w.other.regionId}`), { method: "GET" })).status).toBe(403);
    expect((await callRoute(exportRoute.GET, "/api/v1/reports/activity/export?from=2026-11-02&to=2026-10-01&format=csv", { method: "GET" })).status).toBe(400);
    expect((await callRoute(exportRoute.GET, "/api/v1/reports/activity/export?from=2024-01-01&to=2026-10-01&format=csv", { method: "GET" })).status).toBe(400);
    expect((await callRoute(exportRoute.GET, "/api/v1/reports/activity/export?from=2026-02-30&format=csv", { method: "GET" })).status).toBe(400);

    await signInAs(w.learners[0]!.email);
    expect((await callRoute(exportRoute.GET, url("&format=csv"), { method: "GET" })).status).toBe(403);
  });
});

describe("the roll-ups", () => {
  async function rollupMatchesEvents(userIds: string[]) {
    const db = getDb();
    const events = await db.learningActivity.groupBy({
      by: ["userId", "day", "kind"],
      where: { userId: { in: userIds } },
      _count: { _all: true },
      _sum: { seconds: true },
    });
    const days = await db.activityDay.findMany({ where: { userId: { in: userIds } } });
    const expected = new Map<string, { lessons: number; walkthroughs: number; reviews: number; seconds: number }>();
    for (const e of events) {
      const key = `${e.userId}|${e.day}`;
      const entry = expected.get(key) ?? { lessons: 0, walkthroughs: 0, reviews: 0, seconds: 0 };
      if (e.kind === "lesson") entry.lessons += e._count._all;
      if (e.kind === "walkthrough") entry.walkthroughs += e._count._all;
      if (e.kind === "review") entry.reviews += e._count._all;
      entry.seconds += e._sum.seconds ?? 0;
      expected.set(key, entry);
    }
    expect(
      new Map(days.map((d) => [`${d.userId}|${d.day}`, { lessons: d.lessons, walkthroughs: d.walkthroughs, reviews: d.reviews, seconds: d.seconds }])),
    ).toEqual(expected);
  }

  it("stay exact when many servers record events for the same people and day at once", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const crowd = await people(3, place.organizationId);
    const actors = await Promise.all(crowd.map(actorOf));
    const now = new Date("2026-11-20T10:00:00Z");
    // 24 completions at once, eight lessons for each of three people: eight transactions add to each
    // person's day row, and three to each lesson's content row, at the same time.
    const lessons = listLessons("uk")
      .slice(0, 8)
      .map((l) => l.id);
    await Promise.all(actors.flatMap((actor) => lessons.map((lesson) => completeLesson(actor, lesson, { minutes: 2, answers: [] }, now))));
    await rollupMatchesEvents(crowd.map((p) => p.id));
    const days = await db.activityDay.findMany({ where: { userId: { in: crowd.map((p) => p.id) } } });
    expect(days.map((d) => [d.day, d.lessons])).toEqual(crowd.map(() => ["2026-11-20", 8]));
    const content = await db.activityContentDay.findMany({ where: { regionId: place.regionId } });
    expect(content.map((c) => [c.contentId, c.count]).sort()).toEqual(lessons.map((id) => [id, 3]).sort());
  });

  it("follow deleted and changed events, and erasing a person removes their days", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const [person] = await people(1, place.organizationId);
    await event(person!, "lesson", LESSON_A, "2026-11-10");
    await event(person!, "lesson", LESSON_A, "2026-11-10");
    await event(person!, "review", LESSON_A, "2026-11-11");
    const first = await db.learningActivity.findFirstOrThrow({ where: { userId: person!.id, kind: "lesson" } });
    await db.learningActivity.update({ where: { id: first.id }, data: { day: "2026-11-12", kind: "walkthrough", contentId: GUIDE } });
    await rollupMatchesEvents([person!.id]);
    await db.learningActivity.deleteMany({ where: { userId: person!.id, kind: "review" } });
    await rollupMatchesEvents([person!.id]);
    expect(
      await db.activityContentDay.findMany({ where: { regionId: place.regionId }, orderBy: { day: "asc" }, select: { day: true, kind: true, count: true } }),
    ).toEqual([
      { day: "2026-11-10", kind: "lesson", count: 1 },
      { day: "2026-11-12", kind: "walkthrough", count: 1 },
    ]);
    await db.user.delete({ where: { id: person!.id } });
    expect(await db.activityDay.count({ where: { userId: person!.id } })).toBe(0);
    expect(await db.activityContentDay.count({ where: { regionId: place.regionId } })).toBe(0);
  });
});
