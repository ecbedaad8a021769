import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { applyMigrations, MIGRATIONS_DIR, type DbTarget } from "../../scripts/db/engine";
import { expectFullyMigrated, migrationNames, type Row } from "../helpers/migrations";

it("has migrations to test", () => {
  expect(migrationNames.length).toBeGreaterThan(0);
});

describe("migrations on PGlite", () => {
  // Each test migrates a database of its own, so neither relies on the other having run first.
  async function withEmptyDatabase(check: (db: PGlite, target: DbTarget) => Promise<void>) {
    const db = await PGlite.create("memory://");
    try {
      await check(db, { kind: "pglite-instance", db });
    } finally {
      await db.close();
    }
  }

  it("applies every migration to an empty database", async () => {
    await withEmptyDatabase(async (db, target) => {
      expect(await applyMigrations(target)).toEqual(migrationNames);
      await expectFullyMigrated(async (sql) => (await db.query<Row>(sql)).rows);
      // The instance belongs to the caller; the tooling must leave it open.
      expect(db.closed).toBe(false);
    });
  }, 120_000);

  it("applies nothing the second time", async () => {
    await withEmptyDatabase(async (db, target) => {
      await applyMigrations(target);
      expect(await applyMigrations(target)).toEqual([]);
      await expectFullyMigrated(async (sql) => (await db.query<Row>(sql)).rows);
    });
  }, 120_000);
});

describe("the learning-activity migration", () => {
  it("copies lessons finished before it into the activity log, on the day they were finished", async () => {
    const target = "20261123155030_learning_activity_assignments";
    const before = mkdtempSync(join(tmpdir(), "skh-migrations-"));
    cpSync(join(MIGRATIONS_DIR, "migration_lock.toml"), join(before, "migration_lock.toml"));
    for (const name of migrationNames.filter((n) => n < target)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });

    const db = await PGlite.create("memory://");
    try {
      await applyMigrations({ kind: "pglite-instance", db }, before);
      await db.exec(`
        INSERT INTO "Region" ("id", "code", "nameUk", "nameEn") VALUES ('r', 'UA-53', 'Полтавська', 'Poltava');
        INSERT INTO "Hromada" ("id", "regionId", "nameUk", "nameEn") VALUES ('h', 'r', 'Громада', 'Hromada');
        INSERT INTO "Organization" ("id", "hromadaId", "name") VALUES ('o', 'h', 'Центр');
        INSERT INTO "User" ("id", "email", "name", "organizationId", "updatedAt") VALUES ('u', 'u@example.org', 'U', 'o', now());
        INSERT INTO "LessonProgress" ("userId", "lessonId", "startedAt", "completedAt", "completedOn", "minutes", "updatedAt")
          VALUES ('u', 'strong-passwords', now(), '2026-11-20T21:40:00Z', '2026-11-20', 4, now()),
                 ('u', 'recognise-phishing', now(), NULL, NULL, 0, now());
      `);
      await applyMigrations({ kind: "pglite-instance", db });
      const rows = (await db.query<Row>(`SELECT "userId", "kind", "contentId", "day", "seconds" FROM "LearningActivity"`)).rows;
      expect(rows).toEqual([{ userId: "u", kind: "lesson", contentId: "strong-passwords", day: "2026-11-20", seconds: 240 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
