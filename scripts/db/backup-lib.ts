/**
 * Backups of either database (issue 15): PostgreSQL through pg_dump's custom format and pg_restore,
 * embedded PGlite through its own consistent dump of the data directory (a gzipped tar that PGlite
 * opens again as it was). Used by scripts/db/backup.ts and scripts/db/restore.ts, and by the test
 * that backs up, restores into a fresh database and compares (tests/integration/backup.test.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PGLITE_EXTENSIONS } from "../../server/db/pglite-extensions";
import type { DbTarget } from "./engine";

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Tables whose every row, not only their count, must come back the same: people and their records. */
export const CHECKSUMMED_TABLES = [
  "User",
  "UserRole",
  "Organization",
  "Assessment",
  "LessonProgress",
  "LearningActivity",
  "Mentorship",
  "FeedbackMessage",
  "Post",
  "AuditEntry",
  "_prisma_migrations",
] as const;

/**
 * What a restore must reproduce: the row count of every table of the app's schema, and a checksum
 * of every row of the tables above (md5 of the rows as text, in a fixed order).
 */
export async function fingerprint(query: Query): Promise<{ counts: Record<string, number>; checksums: Record<string, string> }> {
  const tables = (await query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => String(r.name));
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await query(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
  const checksums: Record<string, string> = {};
  for (const table of CHECKSUMMED_TABLES.filter((t) => tables.includes(t))) {
    const [row] = await query(`SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS sum FROM "${table}" t`);
    checksums[table] = String(row!.sum);
  }
  return { counts, checksums };
}

/** The fingerprint of a target database: PostgreSQL by URL, PGlite opened from its folder (or the open instance). */
export async function fingerprintTarget(target: DbTarget): Promise<Awaited<ReturnType<typeof fingerprint>>> {
  if (target.kind === "postgres") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      return await fingerprint(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }
  const db = target.kind === "pglite-instance" ? target.db : await PGlite.create(target.dataDir, { extensions: PGLITE_EXTENSIONS });
  try {
    return await fingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    if (target.kind !== "pglite-instance") await db.close();
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (result.error) throw new Error(`${command} could not start (${result.error.message}); install the PostgreSQL client tools (Debian: postgresql-client).`);
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
}

/** Writes a backup of the target to `file`: a pg_dump archive for PostgreSQL, a gzipped data directory for PGlite. */
export async function backupDatabase(target: DbTarget, file: string): Promise<void> {
  if (target.kind === "postgres") {
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, target.url]);
    return;
  }
  const db = target.kind === "pglite-instance" ? target.db : await PGlite.create(target.dataDir, { extensions: PGLITE_EXTENSIONS });
  try {
    const dump = await db.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    if (target.kind !== "pglite-instance") await db.close();
  }
}

async function publicTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the target. An existing database with tables is refused unless `force`:
 * PostgreSQL then has its objects replaced (pg_restore --clean), a PGlite folder is moved aside to
 * `<folder>.before-restore-<time>` rather than deleted. Returns where the old PGlite folder went.
 */
export async function restoreDatabase(target: DbTarget, file: string, { force = false } = {}): Promise<{ movedAside?: string }> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (target.kind === "postgres") {
    const tables = await publicTableCount(target.url);
    if (tables > 0 && !force) throw new Error(`The database already has ${tables} tables: restore into an empty one, or pass --force to replace them.`);
    run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", ...(tables > 0 ? ["--clean", "--if-exists"] : []), "--dbname", target.url, file]);
    return {};
  }
  if (target.kind === "pglite-instance") throw new Error("Restore into a PGlite folder (PGLITE_DATA_DIR), not into an open instance.");
  let movedAside: string | undefined;
  if (!target.dataDir.startsWith("memory://") && existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    if (!force) throw new Error(`${target.dataDir} already holds a database: stop the app and pass --force to move it aside and restore.`);
    movedAside = `${target.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target.dataDir, movedAside);
  }
  const db = await PGlite.create(target.dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([readFileSync(file)]) });
  await db.query("SELECT 1");
  await db.close();
  return { movedAside };
}
