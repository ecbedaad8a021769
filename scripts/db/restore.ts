/**
 * `npm run restore -- <file> [--force]`: restores a backup made by `npm run backup` into the
 * database the app uses (DATABASE_URL, or the PGlite folder), then prints the row counts it holds.
 * An existing database is replaced only with --force (PGlite's folder is moved aside, not deleted).
 * Stop the app first. Run `npm run db:migrate` afterwards when the backup is older than this release.
 */
import { parseArgs } from "node:util";
import { describeDbTarget, resolveDbTarget } from "./engine";
import { fingerprintTarget, restoreDatabase } from "./backup-lib";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
const target = resolveDbTarget();
const file = positionals[0];
try {
  if (!file) throw new Error("Name the backup file: npm run restore -- backups/<file> [--force]");
  const { movedAside } = await restoreDatabase(target, file, { force: values.force });
  if (movedAside) console.info(`The database that was there is kept in ${movedAside}.`);
  const { counts } = await fingerprintTarget(target);
  console.info(`Restored ${file} into ${describeDbTarget(target)}: ${Object.keys(counts).length} tables.`);
  const width = Math.max(...Object.keys(counts).map((table) => table.length));
  for (const [table, rows] of Object.entries(counts)) console.info(`  ${table.padEnd(width)}  ${rows}`);
} catch (error: unknown) {
  console.error(`Restore into ${describeDbTarget(target)} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
