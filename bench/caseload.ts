// Caseload timing: one curator with 30 mentees, each with a year of learning activity (a lesson or
// review most days, guides now and then), assignments, self-assessments and a few guide reports.
// Prints p50/p95 of (1) assembling the caseload in-process, with the number of database queries it
// takes, and (2) the whole server render of /curator by `next start` over HTTP (signed in).
// Needs a production build (npm run build) for part 2.
// Usage: npx tsx --conditions=react-server bench/caseload.ts            (embedded PGlite in a temporary folder)
//        BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server bench/caseload.ts
import { migrateBenchDatabase, prepareEmbeddedPglite, prepareThrowawayPostgres } from "./bench-database";
import { startProductionServer } from "./production-server";
import { signInCookies } from "./page-weight.mjs";

const MENTEES = Number(process.env.BENCH_MENTEES ?? 30);
const RUNS = 60;

const target = process.env.BENCH_DATABASE_URL
  ? await prepareThrowawayPostgres(process.env.BENCH_DATABASE_URL)
  : await prepareEmbeddedPglite("skh-bench-caseload");
const { getDb, disconnectDb } = await import("../server/db/client");
await migrateBenchDatabase();
const base = getDb();

// Count every query the caseload makes: the shared client is swapped for one that counts.
let queries = 0;
const counting = base.$extends({ query: { $allOperations: ({ args, query }) => ((queries += 1), query(args)) } });
(globalThis as { __skhodynkyDb?: { prisma?: unknown } }).__skhodynkyDb!.prisma = counting;
const { getCaseload } = await import("../features/mentoring/server/caseload");

const seedStart = performance.now();
const sql = (s: string) => base.$executeRawUnsafe(s);
await sql(`INSERT INTO "Region" (id, code, "nameUk", "nameEn") VALUES ('r', 'UA-99', 'Тестова', 'Test')`);
await sql(`INSERT INTO "Hromada" (id, "regionId", "nameUk", "nameEn") VALUES ('h', 'r', 'Громада', 'Hromada')`);
await sql(`INSERT INTO "Organization" (id, "hromadaId", name) VALUES ('o', 'h', 'Центр')`);
const { hashPassword } = await import("../server/auth/password");
const PASSWORD = "Bench-caseload-2026";
await base.user.create({
  data: { id: "curator", email: "curator@bench.local", name: "Куратор", organizationId: "o", passwordHash: await hashPassword(PASSWORD) },
});
await sql(`INSERT INTO "UserRole" ("userId", role) VALUES ('curator', 'CURATOR'), ('curator', 'LEARNER')`);
await sql(
  `INSERT INTO "User" (id, email, name, "organizationId", "updatedAt") SELECT 'm' || g, 'm' || g || '@bench.local', 'Підопічний ' || g, 'o', now() FROM generate_series(1, ${MENTEES}) g`,
);
await sql(`INSERT INTO "Mentorship" (id, "curatorId", "menteeId") SELECT 'ms' || g, 'curator', 'm' || g FROM generate_series(1, ${MENTEES}) g`);
// A year of activity: about five days in seven, a lesson and a review on each, a guide every ten days.
await sql(`INSERT INTO "LearningActivity" (id, "userId", kind, "contentId", day, seconds, at)
  SELECT 'a' || g || '-' || d || '-' || k, 'm' || g, k, 'strong-passwords', to_char(current_date - d, 'YYYY-MM-DD'), 240, now() - (d || ' days')::interval
  FROM generate_series(1, ${MENTEES}) g, generate_series(0, 364) d, unnest(ARRAY['lesson', 'review', 'walkthrough']) k
  WHERE abs(hashtext(g || '-' || d)) % 7 < 5 AND (k <> 'walkthrough' OR d % 10 = 0)`);
await sql(`INSERT INTO "Assignment" (id, "curatorId", "learnerId", kind, "targetId", "dueOn", "completedAt")
  SELECT 'as' || g || '-' || k, 'curator', 'm' || g, 'lesson', 'strong-passwords', to_char(current_date + (k - 10), 'YYYY-MM-DD'), CASE WHEN k % 3 = 0 THEN NULL ELSE now() END
  FROM generate_series(1, ${MENTEES}) g, generate_series(1, 20) k`);
await sql(`INSERT INTO "Assessment" (id, "userId", "frameworkId", "frameworkVersion", "profileId", form, status, "regionId", "hromadaId", "organizationId", "submittedAt", summary, "updatedAt")
  SELECT 'ass' || g || '-' || k, 'm' || g, 'digcomp-sw', 1, 'social-work-specialist', 'SHORT', 'SUBMITTED', 'r', 'h', 'o', now() - ((k * 90) || ' days')::interval,
    jsonb_build_object('areas', jsonb_build_object('1', 3 + (g + k) % 4, '2', 4, '3', 3, '4', 5, '5', 2, 'SW', 4), 'competences', '{}'::jsonb, 'purposes', '{}'::jsonb, 'tools', '[]'::jsonb), now()
  FROM generate_series(1, ${MENTEES}) g, generate_series(0, 3) k`);
await sql(
  `INSERT INTO "WalkthroughReport" (id, "walkthroughId", "stepId", kind, "userId", "regionId") SELECT 'wr' || g, 'diia-sign-in', 'bank-sign-in', 'stuck', 'm' || g, 'r' FROM generate_series(1, ${MENTEES}, 5) g`,
);
const rows = (await base.learningActivity.count()) + (await base.assignment.count());
const seedMs = performance.now() - seedStart;

const actor = { id: "curator", roles: ["CURATOR", "LEARNER"] as ("CURATOR" | "LEARNER")[], organizationId: "o", hromadaId: "h", regionId: "r" };
const samples: number[] = [];
let perRender = 0;
for (let i = 0; i <= RUNS; i++) {
  queries = 0;
  const t0 = performance.now();
  const caseload = await getCaseload(actor);
  if (caseload.length !== MENTEES) throw new Error(`expected ${MENTEES} mentees, got ${caseload.length}`);
  if (i > 0) samples.push(performance.now() - t0); // the first run warms up the engine
  perRender = queries;
}
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!.toFixed(1);
await disconnectDb();

// Part 2: the page itself, rendered by the production server.
const { url, stop } = await startProductionServer(process.env.BENCH_PORT ?? "3175");
const http: number[] = [];
try {
  const cookie = (await signInCookies(url, "curator@bench.local", PASSWORD)).map((c) => `${c.name}=${c.value}`).join("; ");
  for (let i = 0; i < RUNS + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/curator`, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200 || !html.includes("Підопічний 1")) throw new Error(`/curator answered ${res.status}`);
    if (i >= 5) http.push(performance.now() - t0);
  }
} finally {
  await stop();
}

console.table([
  {
    database: target.label,
    mentees: MENTEES,
    "activity + assignment rows": rows,
    "seed (s)": (seedMs / 1000).toFixed(1),
    runs: RUNS,
    "data p50 (ms)": pct(samples, 50),
    "data p95 (ms)": pct(samples, 95),
    "queries per render": perRender,
    "/curator render p50 (ms)": pct(http, 50),
    "/curator render p95 (ms)": pct(http, 95),
  },
]);
await target.cleanup();
