import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Runs once per `vitest run`, before any test file: pages and features read lessons and
 * walkthroughs compiled into .content/ (decision 008), so the content is compiled here when it is
 * missing or older than its sources. `npx vitest run` then passes on a fresh clone by itself.
 */
// The sources of .content/: the content itself and the code that compiles it.
const SOURCES = ["content", "scripts/build-content.ts", "features/lessons/compile.ts", "features/walkthroughs/compile.ts"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function isContentStale(root: string): boolean {
  const index = join(root, ".content", "index.json");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export default async function setup(project: TestProject): Promise<() => void> {
  compileContentIfStale();
  return process.env.TEST_DB === "postgres" ? await migratePostgresTemplate(project) : await saveMigratedPglite(project);
}

/**
 * One migrated PostgreSQL database that every test file's throwaway database is created from
 * (`CREATE DATABASE … TEMPLATE`, tests/setup/database.ts), dropped when the run ends: migrating
 * a database per file spent most of the PostgreSQL pass in the schema engine.
 */
async function migratePostgresTemplate(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const { createThrowawayDatabase } = await import("../helpers/throwaway-db");
  const { applyMigrations, resolveDbTarget } = await import("../../scripts/db/engine");
  const template = await createThrowawayDatabase(base, "skh_test_template");
  try {
    await applyMigrations(resolveDbTarget({ ...process.env, DATABASE_URL: template.url }));
  } catch (error) {
    await template.drop();
    throw error;
  }
  project.provide("postgresTemplate", template.name);
  return template.drop;
}

/**
 * One migrated in-memory PGlite, saved to a file the test files' databases start from
 * (tests/setup/database.ts): making and migrating a PGlite takes seconds, copying one about one.
 */
async function saveMigratedPglite(project: TestProject): Promise<() => void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLITE_EXTENSIONS } = await import("../../server/db/pglite-extensions");
  const { applyMigrations } = await import("../../scripts/db/engine");
  const db = new PGlite("memory://", { extensions: PGLITE_EXTENSIONS });
  await applyMigrations({ kind: "pglite-instance", db });
  const dump = await db.dumpDataDir("none");
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), "skh-test-pglite-"));
  const file = join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data directory every test file's database starts from. */
    pgliteTemplate: string;
    /** The migrated PostgreSQL database every test file's database is created from (TEST_DB=postgres). */
    postgresTemplate: string;
  }
}

function compileContentIfStale(): void {
  const root = process.cwd();
  if (!isContentStale(root)) return;
  // A process of its own: the compiler needs the react-server condition that the tests do not run under.
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/build-content.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`Compiling the content for the tests failed (exit ${result.status ?? result.signal}).`);
}
