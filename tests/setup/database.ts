import { afterAll, beforeAll } from "vitest";

/**
 * Each test file gets its own fresh database: an in-memory PGlite by default, or a throwaway
 * PostgreSQL database when TEST_DB=postgres (the integration suite runs both ways in npm test).
 */
const usePostgres = process.env.TEST_DB === "postgres";
let dropDatabase: (() => Promise<void>) | undefined;

if (usePostgres) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const { createThrowawayDatabase } = await import("../helpers/throwaway-db");
  const db = await createThrowawayDatabase(base, "skh_test");
  process.env.DATABASE_URL = db.url;
  dropDatabase = db.drop;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}

beforeAll(async () => {
  const { applyMigrations, resolveDbTarget } = await import("../../scripts/db/engine");
  if (usePostgres) {
    await applyMigrations(resolveDbTarget());
  } else {
    const { getPglite } = await import("../../server/db/client");
    await applyMigrations({ kind: "pglite-instance", db: getPglite() });
  }
});

afterAll(async () => {
  const { disconnectDb } = await import("../../server/db/client");
  await disconnectDb();
  await dropDatabase?.();
});
