// Publishing a lesson written in the app (issue 12, decision 028): the safe MDX check, the compile
// with the built-in pipeline, and storing the result in CompiledContent — then a page's read of
// the stored code. Uses the largest lesson in content/ (recognise-phishing) as the realistic case,
// a new version each run so every run compiles. Budget: check + compile + cache under 2 s.
// Usage: npm run bench:publish-lesson                  (embedded PGlite, in memory)
//        BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:publish-lesson
//        (PostgreSQL, in a throwaway database dropped at the end); BENCH_RUNS=20 by default.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { migrateBenchDatabase, prepareInMemoryPglite, prepareThrowawayPostgres } from "./bench-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BUDGET_MS = 2_000;
const LESSON = process.env.BENCH_LESSON ?? "recognise-phishing";

const target = process.env.BENCH_DATABASE_URL ? await prepareThrowawayPostgres(process.env.BENCH_DATABASE_URL) : await prepareInMemoryPglite();
const { getDb, disconnectDb } = await import("../server/db/client");
const { checkMdx } = await import("../features/authoring/safe-mdx");
const { compileApproved, findCompiledContent } = await import("../features/authoring/server/compile-approved");
const { getFramework } = await import("../features/competences/server/framework");

await migrateBenchDatabase();

const folder = join("content", "lessons", LESSON);
const text = readFileSync(join(folder, "uk.mdx"), "utf8");
const context = {
  locale: "uk" as const,
  competenceIds: new Set(getFramework().competences.map((c) => c.id)),
  lessonIds: new Set(readdirSync(join("content", "lessons"))),
  readScreen: (screen: string) => {
    const file = join(folder, screen.slice(2));
    return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
  },
};

type Run = { check: number; compile: number; total: number; read: number };
const runs: Run[] = [];
for (let i = 0; i <= RUNS; i += 1) {
  const start = performance.now();
  const { checked, problems } = checkMdx("lesson", text, context);
  if (!checked) throw new Error(`the lesson does not pass the check: ${problems.map((p) => `${p.line}:${p.column} ${p.code}`).join(", ")}`);
  const checkedAt = performance.now();
  const stored = await compileApproved("lesson", checked, `bench-${LESSON}-${i}`);
  const storedAt = performance.now();
  const read = await findCompiledContent(stored.key);
  if (read?.code !== stored.code) throw new Error("the stored code differs from the compiled code");
  const readAt = performance.now();
  // The first run warms the parser, esbuild and the database: reported apart.
  runs.push({ check: checkedAt - start, compile: storedAt - checkedAt, total: storedAt - start, read: readAt - storedAt });
}
await getDb().compiledContent.deleteMany({ where: { versionKey: { startsWith: "bench-" } } });
await disconnectDb();
await target.cleanup();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => value.toFixed(0).padStart(6);
const [first, ...rest] = runs;
console.info(`\nPublishing "${LESSON}" (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, uk) — ${target.label}, ${RUNS} runs after the first\n`);
console.info("| step | first run (ms) | p50 (ms) | p95 (ms) | max (ms) |");
console.info("|---|---|---|---|---|");
for (const [label, key] of [
  ["safe MDX check + content rules", "check"],
  ["compile + store (CompiledContent)", "compile"],
  ["**check + compile + cache**", "total"],
  ["page read of the stored code", "read"],
] as const) {
  const values = rest.map((r) => r[key]);
  console.info(`| ${label} | ${ms(first![key])} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${ms(Math.max(...values))} |`);
}
const worst = Math.max(...runs.map((r) => r.total));
console.info(
  `\nBudget: check + compile + cache under ${BUDGET_MS} ms — worst run ${worst.toFixed(0)} ms: ${worst < BUDGET_MS ? "within budget" : "OVER BUDGET"}`,
);
if (worst >= BUDGET_MS) process.exitCode = 1;
