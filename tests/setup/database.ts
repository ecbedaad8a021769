import { afterAll, beforeAll } from "vitest";
import { randomBytes } from "node:crypto";

/**
 * Each test file gets its own fresh database: an in-memory PGlite by default, or a throwaway
 * PostgreSQL database when TEST_DB=postgres (the integration suite runs both ways in npm test).
 */
const usePostgres = process.env.TEST_DB === "postgres";
let dropDatabase: (() => Promise<void>) | undefined;

if (usePostgres) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `skh_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const client = new Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
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
