// The region's activity report at scale (issue 12, decision 031): a region of 10,000 learners in
// 100 organizations of 20 hromadas, 300 curators, and 1,000,000 learning events over the last year
// (plus a second, small region that must not show). Seeded with generate_series in a few
// statements — the roll-up triggers fire once per statement, as they do for every event the app
// records. Measures p50/p95 of building the whole report (getActivityReport: every table the page,
// the CSV and the XLSX show) for the last 30 days, 90 days and a year, and again while other
// connections keep recording new events; checks each build sees the events committed before it.
// Budget: p95 under 1 s for the default period (30 days) on PostgreSQL, with events arriving.
// Usage: BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//          npx tsx --conditions=react-server bench/activity-report.ts
//        (PostgreSQL, in a throwaway database dropped at the end); without BENCH_DATABASE_URL it
//        runs on PGlite in a temporary folder. BENCH_EVENTS, BENCH_LEARNERS, BENCH_RUNS scale it.
import { migrateBenchDatabase, prepareEmbeddedPglite, prepareThrowawayPostgres, type BenchDatabase } from "./bench-database";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CURATORS = 300;
const BUDGET_MS = 1000;
const BATCH = 100_000;

function target(): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL) return prepareThrowawayPostgres(process.env.BENCH_DATABASE_URL, "skh_bench_activity");
  return prepareEmbeddedPglite("skh-bench-activity");
}

const pct = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function seed(lessonIds: string[], guideIds: string[]) {
  const { getDb } = await import("../server/db/client");
  const db = getDb();
  const sql = (s: string) => db.$executeRawUnsafe(s);
  const lessons = `ARRAY[${lessonIds.map((id) => `'${id}'`).join(",")}]::text[]`;
  const guides = `ARRAY[${guideIds.map((id) => `'${id}'`).join(",")}]::text[]`;
  await sql(
    `INSERT INTO "Region" (id, code, "nameUk", "nameEn") VALUES ('r', 'UA-98', 'Бенчмаркова область', 'Bench Oblast'), ('r2', 'UA-97', 'Інша область', 'Other Oblast')`,
  );
  await sql(`INSERT INTO "Hromada" (id, "regionId", "nameUk", "nameEn") SELECT 'h' || g, 'r', 'Громада ' || g, 'Hromada ' || g FROM generate_series(0, 19) g`);
  await sql(`INSERT INTO "Hromada" (id, "regionId", "nameUk", "nameEn") VALUES ('hx', 'r2', 'Інша громада', 'Other hromada')`);
  await sql(`INSERT INTO "Organization" (id, "hromadaId", name) SELECT 'o' || g, 'h' || (g % 20), 'Центр ' || g FROM generate_series(0, 99) g`);
  await sql(`INSERT INTO "Organization" (id, "hromadaId", name) VALUES ('ox', 'hx', 'Інший центр')`);
  await sql(
    `INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") SELECT 'u' || g, 'u' || g || '@bench.local', 'Учасниця ' || g, 'o' || (g % 100), now() FROM generate_series(0, ${LEARNERS - 1}) g`,
  );
  await sql(`INSERT INTO "UserRole" ("userId", role) SELECT 'u' || g, 'LEARNER' FROM generate_series(0, ${LEARNERS - 1}) g`);
  await sql(
    `INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") SELECT 'c' || g, 'c' || g || '@bench.local', 'Кураторка ' || g, 'o' || (g % 100), now() FROM generate_series(0, ${CURATORS - 1}) g`,
  );
  await sql(`INSERT INTO "UserRole" ("userId", role) SELECT 'c' || g, 'CURATOR' FROM generate_series(0, ${CURATORS - 1}) g`);
  await sql(`INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") VALUES ('meth', 'meth@bench.local', 'Методистка', 'o0', now())`);
  await sql(`INSERT INTO "UserRole" ("userId", role) VALUES ('meth', 'METHODOLOGIST')`);
  // Six in ten learners have a curator (20 mentees each; capacity 15 by default, so many are full).
  await sql(
    `INSERT INTO "Mentorship" (id, "curatorId", "menteeId") SELECT 'm' || g, 'c' || (g % ${CURATORS}), 'u' || g FROM generate_series(0, ${Math.floor(LEARNERS * 0.6) - 1}) g`,
  );
  await sql(
    `INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") SELECT 'x' || g, 'x' || g || '@bench.local', 'Інша ' || g, 'ox', now() FROM generate_series(0, 9) g`,
  );
  await sql(`INSERT INTO "UserRole" ("userId", role) SELECT 'x' || g, 'LEARNER' FROM generate_series(0, 9) g`);

  // A year of events, newest days busiest; 70 % lessons, 10 % guides, 20 % reviews; Kyiv days as the app writes them.
  for (let start = 0; start < EVENTS; start += BATCH) {
    const end = Math.min(EVENTS, start + BATCH) - 1;
    await sql(`
      INSERT INTO "LearningActivity" (id, "userId", kind, "contentId", day, seconds, at, "receivedAt")
      SELECT 'a' || g, 'u' || (abs(hashtext('u' || g)) % ${LEARNERS}), k.kind,
        CASE WHEN k.kind = 'walkthrough' THEN (${guides})[1 + g % ${guideIds.length}] ELSE (${lessons})[1 + (g * 7) % ${lessonIds.length}] END,
        to_char(t.at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD'), 60 + g % 400, t.at, t.at
      FROM generate_series(${start}, ${end}) g
      CROSS JOIN LATERAL (SELECT now() - interval '365 days' * power((abs(hashtext('d' || g)) % 10000) / 10000.0, 1.3) AS at) t
      CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'lesson' WHEN g % 10 = 7 THEN 'walkthrough' ELSE 'review' END AS kind) k`);
  }
  await sql(
    `INSERT INTO "LearningActivity" (id, "userId", kind, "contentId", day, seconds, at) SELECT 'ax' || g, 'x' || (g % 10), 'lesson', '${lessonIds[0]}', to_char(now() AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD'), 120, now() FROM generate_series(0, 999) g`,
  );
  // Guide reports and unfinished guides over the year.
  await sql(
    `INSERT INTO "WalkthroughReport" (id, "walkthroughId", "stepId", kind, "regionId", "createdAt") SELECT 'wr' || g, (${guides})[1 + g % ${guideIds.length}], 'step-' || (g % 5), CASE WHEN g % 3 = 0 THEN 'looks-different' ELSE 'stuck' END, 'r', now() - interval '1 hour' * (g % 8760) FROM generate_series(0, 1999) g`,
  );
  await sql(
    `INSERT INTO "WalkthroughProgress" ("userId", "walkthroughId", step, "startedAt", "updatedAt") SELECT 'u' || g, (${guides})[1 + g % ${guideIds.length}], 1 + g % 6, now() - interval '1 hour' * (g % 8760), now() - interval '1 hour' * (g % 8760) FROM generate_series(0, ${Math.floor(LEARNERS / 2) - 1}) g`,
  );
  await sql(`ANALYZE`);
  const [counts] = await db.$queryRawUnsafe<{ events: number; days: number; content: number }[]>(
    `SELECT (SELECT count(*)::int FROM "LearningActivity") AS events, (SELECT count(*)::int FROM "ActivityDay") AS days, (SELECT count(*)::int FROM "ActivityContentDay") AS content`,
  );
  return counts!;
}

async function measure() {
  const { getDb } = await import("../server/db/client");
  const { getActivityReport } = await import("../features/activity-report/server/get-activity-report");
  const { kyivDay, addDays } = await import("../lib/kyiv-calendar");
  const db = getDb();
  const actor = { id: "meth", roles: ["METHODOLOGIST" as const], organizationId: "o0", hromadaId: "h0", regionId: "r" };
  const today = kyivDay(new Date());
  const periods = [
    { label: "last 30 days (default)", from: addDays(today, -29), runs: RUNS, budgeted: true },
    { label: "last 90 days", from: addDays(today, -89), runs: Math.max(5, Math.floor(RUNS / 2)), budgeted: false },
    { label: "last 365 days", from: addDays(today, -364), runs: Math.max(5, Math.floor(RUNS / 4)), budgeted: false },
  ];
  const figure = async (from: string) => {
    const report = await getActivityReport(actor, { from, to: today }, "uk");
    const summary = report.tables.find((t) => t.id === "summary")!;
    return { report, active: Number(summary.rows[1]![1]), lessons: Number(summary.rows[3]![1]) };
  };
  const rows: { label: string; p50: number; p95: number; note: string; budgeted: boolean }[] = [];
  for (const period of periods) {
    await figure(period.from); // warm-up
    const samples: number[] = [];
    let last = { active: 0, lessons: 0 };
    for (let i = 0; i < period.runs; i++) {
      const t0 = performance.now();
      last = await figure(period.from);
      samples.push(performance.now() - t0);
    }
    rows.push({ label: period.label, p50: pct(samples, 50), p95: pct(samples, 95), note: `${last.active} active, ${last.lessons} lessons`, budgeted: false });
  }

  // New events arriving: four writers record lessons the way the app does (one event per
  // transaction, the triggers rolling it up), while the report is built again and again; each build
  // must count at least every lesson committed before it started.
  let stop = false;
  let committed = 0;
  let n = 0;
  const writer = async (w: number) => {
    while (!stop) {
      const userId = `u${(n++ * 37 + w) % LEARNERS}`;
      await db.learningActivity.create({ data: { userId, kind: "lesson", contentId: "strong-passwords", day: today, seconds: 120, at: new Date() } });
      committed += 1;
    }
  };
  const base = await figure(periods[0]!.from);
  const writers = [0, 1, 2, 3].map(writer);
  const samples: number[] = [];
  let stale = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const before = committed;
      const t0 = performance.now();
      const now = await figure(periods[0]!.from);
      samples.push(performance.now() - t0);
      if (now.lessons < base.lessons + before) stale += 1;
    }
  } finally {
    stop = true;
    await Promise.all(writers);
  }
  rows.push({
    label: "last 30 days, 4 writers recording events",
    p50: pct(samples, 50),
    p95: pct(samples, 95),
    note: `${committed} new events during the runs; builds missing a committed event: ${stale}`,
    budgeted: true,
  });
  if (stale) throw new Error(`${stale} builds missed events committed before them`);
  return rows;
}

const prepared = await target();
let failed = false;
try {
  await migrateBenchDatabase();
  const { listLessons } = await import("../features/lessons/server/catalog");
  const { listWalkthroughs } = await import("../features/walkthroughs/server/catalog");
  const lessonIds = listLessons("uk").map((l) => l.id);
  const guideIds = listWalkthroughs("uk").map((g) => g.id);
  if (!lessonIds.length || !guideIds.length) throw new Error("no compiled content: run `npm run content:build` first");
  const t0 = performance.now();
  const counts = await seed(lessonIds, guideIds);
  const seedS = ((performance.now() - t0) / 1000).toFixed(1);
  if (process.env.BENCH_SEED_ONLY) {
    console.log(`seeded ${process.env.DATABASE_URL} in ${seedS} s`);
    process.exit(0);
  }
  const rows = await measure();
  console.table(
    rows.map((r) => {
      const over = r.budgeted && r.p95 >= BUDGET_MS;
      failed ||= over;
      return { database: prepared.label, report: r.label, "p50 (ms)": r.p50.toFixed(0), "p95 (ms)": r.p95.toFixed(0) + (over ? " OVER" : ""), result: r.note };
    }),
  );
  console.table([
    {
      database: prepared.label,
      learners: LEARNERS,
      "events (LearningActivity)": counts.events,
      "person-days (ActivityDay)": counts.days,
      "content-days (ActivityContentDay)": counts.content,
      "seed (s)": seedS,
    },
  ]);
} finally {
  const { disconnectDb } = await import("../server/db/client");
  await disconnectDb();
  await prepared.cleanup();
}
console.log(`Budget: p95 under ${BUDGET_MS} ms for the last 30 days with events arriving.${failed ? " NOT MET." : " Met."}`);
process.exitCode = failed ? 1 : 0;
