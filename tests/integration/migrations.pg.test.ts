import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, type DbTarget } from "../../scripts/db/engine";
import { expectFullyMigrated, migrationNames, type Query, type Row } from "../helpers/migrations";
import { createThrowawayDatabase } from "../helpers/throwaway-db";

// Runs in the PostgreSQL pass of npm test (TEST_DB=postgres), which always sets TEST_DATABASE_URL.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("migrations.pg.test.ts needs TEST_DATABASE_URL");

describe("migrations on PostgreSQL", () => {
  // A database of its own for each test, so existing data on the server neither breaks nor suffers
  // from the test, and neither test relies on the other having run first.
  async function withEmptyDatabase(check: (query: Query, target: DbTarget) => Promise<void>) {
    const db = await createThrowawayDatabase(serverUrl ?? "", "skh_migrations_test");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await check(async (sql) => (await client.query<Row>(sql)).rows, { kind: "postgres", url: db.url });
    } finally {
      await client.end();
      await db.drop();
    }
  }

  it("applies every migration to an empty database", async () => {
    await withEmptyDatabase(async (query, target) => {
      expect(await applyMigrations(target)).toEqual(migrationNames);
      await expectFullyMigrated(query);
    });
  }, 120_000);

  it("applies nothing the second time", async () => {
    await withEmptyDatabase(async (query, target) => {
      await applyMigrations(target);
      expect(await applyMigrations(target)).toEqual([]);
      await expectFullyMigrated(query);
    });
  }, 120_000);
});
