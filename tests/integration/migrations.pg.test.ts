import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrationsList, type DbTarget } from "../../scripts/db/engine";

type Row = Record<string, unknown>;
type Query = (sql: string) => Promise<Row[]>;

const migrations = (await readMigrationsList()).migrationDirectories;
const migrationNames = migrations.map((m) => m.path);

/** What the checked-in migrations must leave behind, whichever database they ran on. */
async function expectFullyMigrated(query: Query): Promise<void> {
  const tables = (
    await query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
  ).map((r) => r.table_name);
  expect(tables).toEqual(expect.arrayContaining(["User", "Region", "_prisma_migrations"]));

  const history = await query(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM _prisma_migrations ORDER BY migration_name`,
  );
  expect(history.map((r) => r.migration_name)).toEqual(migrationNames);
  for (const [i, row] of history.entries()) {
    expect(row.finished_at).not.toBeNull();
    expect(row.rolled_back_at).toBeNull();
    // The standard checksum, so `prisma migrate` would accept this history as its own.
    const file = migrations[i]?.migrationFile.content;
    expect(file?.tag).toBe("ok");
    if (file?.tag === "ok") expect(row.checksum).toBe(createHash("sha256").update(file.value).digest("hex"));
  }
}

// Runs in the PostgreSQL pass of npm test (TEST_DB=postgres), which always sets TEST_DATABASE_URL.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("migrations.pg.test.ts needs TEST_DATABASE_URL");

describe("migrations on PostgreSQL", () => {
  // A database of its own, so existing data on the server neither breaks nor suffers from the test.
  const databaseName = `skh_migrations_test_${randomUUID().replaceAll("-", "")}`;
  let admin: pg.Client;
  let client: pg.Client | undefined;
  let target: DbTarget;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    const url = new URL(serverUrl ?? "");
    url.pathname = `/${databaseName}`;
    target = { kind: "postgres", url: url.toString() };
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}"`);
    } finally {
      await admin.end();
    }
  }, 60_000);

  const query: Query = async (sql) => {
    if (!client) throw new Error("not connected");
    return (await client.query<Row>(sql)).rows;
  };

  it("applies every migration to an empty database", async () => {
    expect(await applyMigrations(target)).toEqual(migrationNames);
    await expectFullyMigrated(query);
  }, 120_000);

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(target)).toEqual([]);
    await expectFullyMigrated(query);
  }, 120_000);
});
