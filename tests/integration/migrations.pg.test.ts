import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, type DbTarget } from "../../scripts/db/engine";
import { expectFullyMigrated, migrationNames, type Query, type Row } from "../helpers/migrations";

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
