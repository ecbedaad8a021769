/**
 * Drops everything in the resolved database and re-applies all migrations.
 * Refuses under NODE_ENV=production: there is no undo.
 */
import { describeDbTarget, resetDatabase, resolveDbTarget } from "./engine";

if (process.env.NODE_ENV === "production") {
  console.error('Refusing to reset the database: NODE_ENV is "production". Resetting deletes all data.');
  process.exit(1);
}

const target = resolveDbTarget();
try {
  const applied = await resetDatabase(target);
  console.info(`Reset ${describeDbTarget(target)} and applied ${applied.length} migration(s).`);
  for (const name of applied) console.info(`  ${name}`);
} catch (error: unknown) {
  console.error(`Reset failed on ${describeDbTarget(target)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
