import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { getDb, getPglite } from "../../server/db/client";
import { PGLITE_EXTENSIONS } from "../../server/db/pglite-extensions";
import { backupDatabase, fingerprint, restoreDatabase, CHECKSUMMED_TABLES, type Query } from "../../scripts/db/backup-lib";
import { createDemoWorld } from "../factories/demo-world";
import { createThrowawayDatabase } from "../helpers/throwaway-db";

/**
 * `npm run backup` / `npm run restore` (decision 048): a backup of the demo world restored into a
 * fresh database holds the same rows — every table's count and a checksum of every row of the
 * tables about people — on whichever database this pass runs (PGlite, then PostgreSQL in npm test).
 */
const usePostgres = process.env.TEST_DB === "postgres";
const dir = mkdtempSync(join(tmpdir(), "skh-backup-test-"));
const source: Query = (sql) => getDb().$queryRawUnsafe<Record<string, unknown>[]>(sql);

beforeAll(async () => {
  await createDemoWorld(getDb());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`backup and restore (${usePostgres ? "PostgreSQL: pg_dump and pg_restore" : "PGlite: its data directory dump"})`, () => {
  it("brings back every row into a fresh database, and refuses to overwrite one unless forced", async () => {
    const before = await fingerprint(source);
    expect(before.counts.User).toBeGreaterThan(10);
    expect(Object.keys(before.checksums)).toEqual(CHECKSUMMED_TABLES.filter((t) => t in before.counts));
    const file = join(dir, usePostgres ? "backup.dump" : "backup.tar.gz");

    if (usePostgres) {
      await backupDatabase({ kind: "postgres", url: process.env.DATABASE_URL! }, file);
      const fresh = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, "skh_restore");
      const client = new pg.Client({ connectionString: fresh.url });
      try {
        await restoreDatabase({ kind: "postgres", url: fresh.url }, file);
        await client.connect();
        expect(await fingerprint(async (sql) => (await client.query(sql)).rows)).toEqual(before);
        await expect(restoreDatabase({ kind: "postgres", url: fresh.url }, file)).rejects.toThrow(/--force/);
        await restoreDatabase({ kind: "postgres", url: fresh.url }, file, { force: true });
        expect(await fingerprint(async (sql) => (await client.query(sql)).rows)).toEqual(before);
      } finally {
        await client.end();
        await fresh.drop();
      }
    } else {
      await backupDatabase({ kind: "pglite-instance", db: getPglite() }, file);
      const folder = join(dir, "restored");
      await restoreDatabase({ kind: "pglite", dataDir: folder }, file);
      const read = async () => {
        const db = await PGlite.create(folder, { extensions: PGLITE_EXTENSIONS });
        try {
          return await fingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
        } finally {
          await db.close();
        }
      };
      expect(await read()).toEqual(before);
      await expect(restoreDatabase({ kind: "pglite", dataDir: folder }, file)).rejects.toThrow(/--force/);
      const { movedAside } = await restoreDatabase({ kind: "pglite", dataDir: folder }, file, { force: true });
      expect(movedAside).toMatch(/restored\.before-restore-/);
      expect(await read()).toEqual(before);
    }
  });
});
