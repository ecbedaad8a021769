import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPglite } from "../../server/db/client";
import { backupDatabase, fingerprint, fingerprintTarget, restoreDatabase, CHECKSUMMED_TABLES, type Query } from "../../scripts/db/backup-lib";
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
      const restored = { kind: "postgres", url: fresh.url } as const;
      try {
        await restoreDatabase(restored, file);
        expect(await fingerprintTarget(restored)).toEqual(before);
        await expect(restoreDatabase(restored, file)).rejects.toThrow(/--force/);
        await restoreDatabase(restored, file, { force: true });
        expect(await fingerprintTarget(restored)).toEqual(before);
      } finally {
        await fresh.drop();
      }
    } else {
      await backupDatabase({ kind: "pglite-instance", db: getPglite() }, file);
      const restored = { kind: "pglite", dataDir: join(dir, "restored") } as const;
      await restoreDatabase(restored, file);
      expect(await fingerprintTarget(restored)).toEqual(before);
      await expect(restoreDatabase(restored, file)).rejects.toThrow(/--force/);
      const { movedAside } = await restoreDatabase(restored, file, { force: true });
      expect(movedAside).toMatch(/restored\.before-restore-/);
      expect(await fingerprintTarget(restored)).toEqual(before);
    }
  });
});
