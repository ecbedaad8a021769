import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
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

