/**
 * `npm run backup [-- --out <file>]`: a backup of the database the app uses (DATABASE_URL, or the
 * PGlite folder) in backups/ unless told where. PostgreSQL may be backed up while the app runs;
 * embedded PGlite is one process's database — stop the app first (decision 048).
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { describeDbTarget, resolveDbTarget } from "./engine";
import { backupDatabase } from "./backup-lib";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const target = resolveDbTarget();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file =
  values.out ??
  join(process.cwd(), "backups", `skhodynky-${target.kind === "postgres" ? "postgres" : "pglite"}-${stamp}.${target.kind === "postgres" ? "dump" : "tar.gz"}`);
try {
  if (target.kind === "pglite" && target.dataDir.startsWith("memory://")) throw new Error("An in-memory database has nothing to back up.");
  mkdirSync(dirname(file), { recursive: true });
  await backupDatabase(target, file);
  console.info(`Backed up ${describeDbTarget(target)} to ${file}`);
} catch (error: unknown) {
  console.error(`Backup of ${describeDbTarget(target)} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
