import { describe, expect, it, vi } from "vitest";
import { getDb } from "../../server/db/client";

/**
 * The load balancer's health check (/api/v1/health): ready only when the database answers and has
 * every migration of this build, and it tells nothing else. Each test loads the route afresh: a
 * server remembers that its migrations were found current.
 */
async function freshHealth() {
  vi.resetModules();
  return (await import("../../app/api/v1/health/route")).GET();
}

describe("the health check", () => {
  it("answers 200 with nothing but its status when the database is migrated, and is never cached", async () => {
    const res = await freshHealth();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with Retry-After while a migration of this build is missing from the database", async () => {
    const db = getDb();
    const [last] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "id" = ${last!.id}`;
    try {
      const res = await freshHealth();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(await res.json()).toEqual({ status: "unavailable" });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "id" = ${last!.id}`;
    }
    expect((await freshHealth()).status).toBe(200);
  });

  it("answers 503 for a database that was never migrated", async () => {
    const db = getDb();
    await db.$executeRawUnsafe(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_away"`);
    try {
      const res = await freshHealth();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable" });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "_prisma_migrations_away" RENAME TO "_prisma_migrations"`);
    }
  });
});
