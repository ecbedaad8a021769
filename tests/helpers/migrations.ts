import { createHash } from "node:crypto";
import { expect } from "vitest";
import { readMigrationsList } from "../../scripts/db/engine";

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
