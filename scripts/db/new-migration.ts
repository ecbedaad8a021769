/**
 * Usage: tsx scripts/db/new-migration.ts <name>
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
 * existing migrations and prisma/schema.prisma. The diff replays the migrations in a throwaway
 * in-memory PGlite, so it needs no running database, never touches .data/pglite (which the dev
 * server may hold open) and needs no CREATEDB privilege on PostgreSQL.
 */
import { createMigrationFromSchema, MIGRATION_NAME_PATTERN } from "./engine";

const name = process.argv[2];
if (process.argv.length !== 3 || name === undefined || !MIGRATION_NAME_PATTERN.test(name)) {
  console.error("Usage: tsx scripts/db/new-migration.ts <name>  (lowercase letters, digits and underscores, e.g. add_course_table)");
  process.exit(1);
}

try {
  const created = await createMigrationFromSchema({ kind: "pglite", dataDir: "memory://" }, name);
  if (created !== null) {
    console.info(`Created prisma/migrations/${created}/migration.sql`);
    console.info("Review it, then apply with: npm run db:migrate");
  }
} catch (error: unknown) {
  console.error(`Could not create the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
