import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, type DbTarget } from "../../scripts/db/engine";
import { expectFullyMigrated, migrationNames, type Row } from "../helpers/migrations";

it("has migrations to test", () => {
  expect(migrationNames.length).toBeGreaterThan(0);
});

describe("migrations on PGlite", () => {
  let db: PGlite;
  let target: DbTarget;

  beforeAll(async () => {
    db = await PGlite.create("memory://");
    target = { kind: "pglite-instance", db };
  });

  afterAll(async () => {
    await db.close();
  });

  it("applies every migration to an empty database", async () => {
    expect(await applyMigrations(target)).toEqual(migrationNames);
    await expectFullyMigrated(async (sql) => (await db.query<Row>(sql)).rows);
    // The instance belongs to the caller; the tooling must leave it open.
    expect(db.closed).toBe(false);
  }, 120_000);

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(target)).toEqual([]);
    await expectFullyMigrated(async (sql) => (await db.query<Row>(sql)).rows);
  }, 120_000);
});

