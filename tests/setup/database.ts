import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";

/**
 * Each test file gets its own fresh database: an in-memory PGlite by default, or a throwaway
 * PostgreSQL database when TEST_DB=postgres (the integration suite runs both ways in npm test),
 * created from the migrated template database of tests/setup/global.ts.
 * The PGlite one is opened when a test first uses it, as a copy of the migrated database that
 * tests/setup/global.ts saved once for the run: a file whose tests need no database pays nothing.
 */
const usePostgres = process.env.TEST_DB === "postgres";
let dropDatabase: (() => Promise<void>) | undefined;

if (usePostgres) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const { createThrowawayDatabase } = await import("../helpers/throwaway-db");
  const db = await createThrowawayDatabase(base, "skh_test", { template: inject("postgresTemplate") });
  process.env.DATABASE_URL = db.url;
  dropDatabase = db.drop;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  const { startInMemoryDatabasesFrom } = await import("../../server/db/pglite-template");
  const template = inject("pgliteTemplate");
  startInMemoryDatabasesFrom(() => new Blob([readFileSync(template)]));
}

/** The database client's module was loaded by this file's imports: its tests use the database. */
const usesDatabase = () => Boolean((globalThis as { __skhodynkyDb?: unknown }).__skhodynkyDb);

beforeAll(async () => {
  if (!usePostgres && usesDatabase()) {
    // Opened now, not inside a test's first transaction, whose start would wait for the copy.
    const { getPglite } = await import("../../server/db/client");
    await getPglite().waitReady;
  }
});

afterAll(async () => {
  // A file whose tests never opened the database has nothing to close.
  if (!usePostgres && !usesDatabase()) return;
  const { disconnectDb } = await import("../../server/db/client");
  await disconnectDb();
  await dropDatabase?.();
});
