/**
 * Applies pending migrations to the database the app would use:
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite (PGLITE_DATA_DIR or .data/pglite).
 */
import { applyMigrations, describeDbTarget, resolveDbTarget } from "./engine";

const target = resolveDbTarget();
try {
  const applied = await applyMigrations(target);
  if (applied.length === 0) {
    console.info(`Database is up to date (${describeDbTarget(target)})`);
  } else {
    console.info(`Applied ${applied.length} migration(s) to ${describeDbTarget(target)}:`);
    for (const name of applied) console.info(`  ${name}`);
  }
} catch (error: unknown) {
  console.error(`Migration failed on ${describeDbTarget(target)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
