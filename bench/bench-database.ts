// The database a benchmark runs on, made for it and removed afterwards: embedded PGlite in a
// temporary folder, or a throwaway database on a PostgreSQL server. Either one is set in
// process.env (PGLITE_DATA_DIR or DATABASE_URL) before the app's database client is first imported,
// so the benchmark's own queries and a production server it starts (bench/production-server.ts)
// open the same database.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { createThrowawayDatabase } from "../tests/helpers/throwaway-db";

export type BenchDatabase = { label: string; cleanup: () => Promise<void> };

/** PGlite in a folder, not memory: a server started afterwards opens the same database once this process lets go. */
export async function prepareEmbeddedPglite(prefix: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.env.PGLITE_DATA_DIR = join(dir, "pglite");
  delete process.env.DATABASE_URL;
  return { label: "PGlite (embedded)", cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** PGlite in this process's memory, for a benchmark that starts no server. */
export async function prepareInMemoryPglite(): Promise<BenchDatabase> {
  process.env.PGLITE_DATA_DIR = "memory://";
  delete process.env.DATABASE_URL;
  return { label: "PGlite (embedded, in memory)", cleanup: async () => undefined };
}

/** A fresh database on the PostgreSQL server of `baseUrl`, dropped by `cleanup`. */
export async function prepareThrowawayPostgres(baseUrl: string, prefix = "skh_bench"): Promise<BenchDatabase> {
  const db = await createThrowawayDatabase(baseUrl, prefix);
  process.env.DATABASE_URL = db.url;
  return { label: "PostgreSQL 127.0.0.1", cleanup: db.drop };
}

/** The app's migrations, applied to the database chosen above. */
export async function migrateBenchDatabase(): Promise<void> {
  const { getPglite } = await import("../server/db/client");
  const { applyMigrations, resolveDbTarget } = await import("../scripts/db/engine");
  await applyMigrations(process.env.DATABASE_URL ? resolveDbTarget() : { kind: "pglite-instance", db: getPglite() });
}
