// Region report timing: 10,000 learners in one region, 4 submitted assessments each (a year of
// quarterly self-assessments; every 4th person takes the full form). Prints a table.
// Usage: npx tsx --conditions=react-server bench/aggregates.ts            (embedded PGlite, in memory)
//        BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server bench/aggregates.ts
import { migrateBenchDatabase, prepareInMemoryPglite, prepareThrowawayPostgres } from "./bench-database";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const PER_PERSON = 4;
const RUNS = 5;

const target = process.env.BENCH_DATABASE_URL ? await prepareThrowawayPostgres(process.env.BENCH_DATABASE_URL) : await prepareInMemoryPglite();
const { getDb, disconnectDb } = await import("../server/db/client");
const { computeAggregates } = await import("../features/competences/server/aggregates");
const { getReport } = await import("../features/competences/server/report");

await migrateBenchDatabase();
const db = getDb();

const seedStart = performance.now();
await db.$executeRawUnsafe(`INSERT INTO "Region" (id, code, "nameUk", "nameEn") VALUES ('bench-region', 'UA-99', 'Тестова область', 'Test region')`);
await db.$executeRawUnsafe(
  `INSERT INTO "Hromada" (id, "regionId", "nameUk", "nameEn") SELECT 'bench-h' || g, 'bench-region', 'Громада ' || g, 'Hromada ' || g FROM generate_series(1, 20) g`,
);
await db.$executeRawUnsafe(
  `INSERT INTO "Organization" (id, "hromadaId", name) SELECT 'bench-o' || g, 'bench-h' || g, 'Центр ' || g FROM generate_series(1, 20) g`,
);
await db.$executeRawUnsafe(
  `INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") SELECT 'bench-u' || g, 'u' || g || '@bench.local', 'Учасник ' || g, 'bench-o' || (1 + g % 20), now() FROM generate_series(1, ${LEARNERS}) g`,
);
// One round per quarter: a person has at most one draft at a time (a unique index), so each
// round's drafts are answered and submitted before the next round's are opened.
const areas = ["1", "2", "3", "4", "5", "SW"];
const competences = [
  ...["1.1", "1.2", "1.3"],
  ...["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"],
  ...["3.1", "3.2", "3.3", "3.4"],
  ...["4.1", "4.2", "4.3", "4.4"],
  ...["5.1", "5.2", "5.3", "5.4"],
  ...Array.from({ length: 9 }, (_, i) => `SW.${i + 1}`),
];
for (let round = 1; round <= PER_PERSON; round++) {
  await db.$executeRawUnsafe(`INSERT INTO "Assessment" (id, "userId", "frameworkId", "frameworkVersion", "profileId", form, status, "regionId", "hromadaId", "organizationId", "updatedAt")
    SELECT 'bench-a' || g || '-' || k, 'bench-u' || g, 'digcomp-sw', 1, 'social-work-specialist', CASE WHEN g % 4 = 0 THEN 'FULL'::"AssessmentForm" ELSE 'SHORT'::"AssessmentForm" END, 'DRAFT', 'bench-region', 'bench-h' || (1 + g % 20), 'bench-o' || (1 + g % 20), now()
    FROM generate_series(1, ${LEARNERS}) g, generate_series(${round}, ${round}) k`);
  await db.$executeRawUnsafe(`INSERT INTO "AssessmentRating" ("assessmentId", "itemType", "itemId", level)
    SELECT a.id, 'AREA', x.item, (abs(hashtext(a.id || x.item)) % 9) FROM "Assessment" a, unnest(ARRAY[${areas.map((x) => `'${x}'`).join(",")}]) x(item) WHERE a.form = 'SHORT' AND a.status = 'DRAFT'`);
  await db.$executeRawUnsafe(`INSERT INTO "AssessmentRating" ("assessmentId", "itemType", "itemId", level)
    SELECT a.id, 'COMPETENCE', x.item, (abs(hashtext(a.id || x.item)) % 9) FROM "Assessment" a, unnest(ARRAY[${competences.map((x) => `'${x}'`).join(",")}]) x(item) WHERE a.form = 'FULL' AND a.status = 'DRAFT'`);
  await db.$executeRawUnsafe(`INSERT INTO "AssessmentPurpose" ("assessmentId", purpose, frequency)
    SELECT a.id, p, (ARRAY['ALWAYS','OFTEN','SOMETIMES','NEVER'])[1 + abs(hashtext(a.id || p)) % 4]::"UseFrequency"
    FROM "Assessment" a, unnest(ARRAY['interaction','informing','communication','provision','searching','development']) p WHERE a.status = 'DRAFT'`);
  await db.$executeRawUnsafe(`INSERT INTO "AssessmentToolUse" ("assessmentId", tool, direction)
    SELECT a.id, t, d FROM "Assessment" a, unnest(ARRAY['viber-closed-groups','zoom','google-forms','facebook-professional','sms']) t, unnest(ARRAY['dissemination','communication','provision']) d
    WHERE a.form = 'FULL' AND a.status = 'DRAFT' AND abs(hashtext(a.id || t || d)) % 2 = 0`);
  // The summary submitDraft() writes: area levels (area rating, or lower median of competences), answers.
  await db.$executeRawUnsafe(`UPDATE "Assessment" a SET summary = jsonb_build_object(
      'areas', (SELECT jsonb_object_agg(area, level) FROM (
        SELECT r."itemId" AS area, r.level FROM "AssessmentRating" r WHERE r."assessmentId" = a.id AND r."itemType" = 'AREA'
        UNION ALL
        SELECT split_part(r."itemId", '.', 1), percentile_disc(0.5) WITHIN GROUP (ORDER BY r.level)
        FROM "AssessmentRating" r WHERE r."assessmentId" = a.id AND r."itemType" = 'COMPETENCE' GROUP BY split_part(r."itemId", '.', 1)) x),
      'competences', coalesce((SELECT jsonb_object_agg(r."itemId", r.level) FROM "AssessmentRating" r WHERE r."assessmentId" = a.id AND r."itemType" = 'COMPETENCE'), '{}'::jsonb),
      'purposes', (SELECT jsonb_object_agg(p.purpose, p.frequency) FROM "AssessmentPurpose" p WHERE p."assessmentId" = a.id),
      'tools', coalesce((SELECT jsonb_agg(t.tool || '|' || t.direction) FROM "AssessmentToolUse" t WHERE t."assessmentId" = a.id), '[]'::jsonb))
    WHERE a.status = 'DRAFT'`);
  await db.$executeRawUnsafe(
    `UPDATE "Assessment" SET status = 'SUBMITTED', "submittedAt" = timestamp '2025-12-01' + (split_part(id, '-', 3)::int * interval '91 days') + (abs(hashtext(id)) % 80) * interval '1 day' WHERE status = 'DRAFT'`,
  );
}
await db.$executeRawUnsafe(`ANALYZE`);
const seedMs = performance.now() - seedStart;

const counts = (
  await db.$queryRawUnsafe<{ a: number; r: number }[]>(`SELECT (SELECT count(*)::int FROM "Assessment") a, (SELECT count(*)::int FROM "AssessmentRating") r`)
)[0]!;
const admin = { id: "bench-admin", roles: ["ADMIN" as const], organizationId: "bench-o1", hromadaId: "bench-h1", regionId: "bench-region" };

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}
// Cold: a new submission in the region before each run invalidates the report cache.
let bump = 0;
async function newSubmission() {
  bump += 1;
  await db.$executeRawUnsafe(`INSERT INTO "Assessment" (id, "userId", "frameworkId", "frameworkVersion", "profileId", form, status, "regionId", "hromadaId", "organizationId", "updatedAt", "submittedAt", summary)
    VALUES ('bench-extra-${bump}', 'bench-u1', 'digcomp-sw', 1, 'social-work-specialist', 'SHORT', 'SUBMITTED', 'bench-region', 'bench-h2', 'bench-o2', now(), now(), (SELECT summary FROM "Assessment" WHERE id = 'bench-a1-1'))`);
}
async function timeCold(fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await newSubmission();
    const t0 = performance.now();
    await fn();
    if (i > 0) samples.push(performance.now() - t0); // the first run warms up the engine
  }
  return samples.sort((a, b) => a - b);
}
const aggregates = await timeCold(() => computeAggregates({ kind: "region", regionId: "bench-region" }));
const page = await timeCold(() => getReport(admin, { scope: "region", id: "bench-region" }, "uk"));
const warm = await time(() => computeAggregates({ kind: "region", regionId: "bench-region" }));
const median = (s: number[]) => s[Math.floor(s.length / 2)]!;

console.log(`\nRegion report benchmark — ${target.label}`);
console.table([
  { measure: "learners in region", value: LEARNERS },
  { measure: "submitted assessments", value: counts.a },
  { measure: "ratings rows", value: counts.r },
  { measure: "seed time (s)", value: (seedMs / 1000).toFixed(1) },
  { measure: "aggregates after a new submission, median of 5 (ms)", value: median(aggregates).toFixed(0) },
  { measure: "aggregates after a new submission, worst of 5 (ms)", value: aggregates.at(-1)!.toFixed(0) },
  { measure: "aggregates, unchanged data (cached), median (ms)", value: median(warm).toFixed(0) },
  { measure: "region page data after a new submission, median (ms)", value: median(page).toFixed(0) },
  { measure: "target", value: "< 1000 ms" },
]);
await disconnectDb();
if (process.env.BENCH_KEEP) console.log(`kept database: ${process.env.DATABASE_URL}`);
else await target.cleanup();
