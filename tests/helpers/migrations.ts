import { createHash } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrationsList } from "../../scripts/db/engine";

export type Row = Record<string, unknown>;
export type Query = (sql: string) => Promise<Row[]>;

export const migrations = (await readMigrationsList()).migrationDirectories;
export const migrationNames = migrations.map((m) => m.path);

/** What the checked-in migrations must leave behind, whichever database they ran on. */
export async function expectFullyMigrated(query: Query): Promise<void> {
  const tables = (await query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name);
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

/**
 * A fresh in-memory PGlite with every migration before `target` applied, to test what `target`
 * does to data written under the older schema. The caller closes it.
 */
export async function pgliteMigratedBefore(target: string): Promise<PGlite> {
  const before = mkdtempSync(join(tmpdir(), "skh-migrations-"));
  cpSync(join(MIGRATIONS_DIR, "migration_lock.toml"), join(before, "migration_lock.toml"));
  for (const name of migrationNames.filter((n) => n < target)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
  const db = await PGlite.create("memory://");
  await applyMigrations({ kind: "pglite-instance", db }, before);
  return db;
}
