import "server-only";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { getDb } from "./db/client";

/** The migrations this build was made with (prisma/migrations), read once. */
let expected: string[] | undefined;
function expectedMigrations(): string[] {
  expected ??= readdirSync(join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return expected;
}

/** Once every migration was found applied it stays so: a migration is never taken back. */
let migrationsCurrent = false;

export type Readiness = { ready: true } | { ready: false; reason: "database" | "migrations" };

/**
 * Whether this server can serve (the load balancer's health check): the database answers, and it
 * has every migration this build expects — a server started before `npm run db:migrate` finished,
 * or a new build beside an old database, is taken out of rotation instead of failing requests.
 */
export async function checkReadiness(): Promise<Readiness> {
  try {
    if (migrationsCurrent) {
      await getDb().$queryRaw`SELECT 1`;
      return { ready: true };
    }
    // An empty database has no migrations table at all: not migrated, rather than unreachable.
    const [table] = await getDb().$queryRaw<{ found: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "found"`;
    if (!table?.found) return { ready: false, reason: "migrations" };
    const rows = await getDb().$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    const applied = new Set(rows.map((row) => row.name));
    if (!expectedMigrations().every((name) => applied.has(name))) return { ready: false, reason: "migrations" };
    migrationsCurrent = true;
    return { ready: true };
  } catch {
    return { ready: false, reason: "database" };
  }
}
