import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role as RoleName } from "../../server/db/client";

// The database module picks its backend from the environment when first used, so the
// environment is fixed before it is imported: a private in-memory PGlite for this file,
// never a shared PostgreSQL whose existing rows would break the exact counts below.
process.env.PGLITE_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getDb, getPglite, disconnectDb, Role } = await import("../../server/db/client");
const { applyMigrations } = await import("../../scripts/db/engine");
const { verifyPassword } = await import("../../server/auth/password");
const { createDemoWorld, DEMO_ACCOUNTS, DEMO_PASSWORD, PEOPLE } = await import("../factories/demo-world");

type Counts = Awaited<ReturnType<typeof createDemoWorld>>;

describe("demo world", () => {
  let counts: Counts;

  beforeAll(async () => {
    await applyMigrations({ kind: "pglite-instance", db: getPglite() });
    counts = await createDemoWorld(getDb());
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
  });

  it("creates the whole directory and reports what it created", async () => {
    const db = getDb();
    expect(counts).toEqual({ regions: 3, hromadas: 6, organizations: 8, users: 47 });
    expect(await db.region.count()).toBe(3);
    expect(await db.hromada.count()).toBe(6);
    expect(await db.organization.count()).toBe(8);
    expect(await db.user.count()).toBe(47);
  });

  it("gives every role the expected number of people", async () => {
    const db = getDb();
    const holders = (role: RoleName) => db.user.count({ where: { roles: { some: { role } } } });
    expect(await holders(Role.ADMIN)).toBe(1);
    expect(await holders(Role.METHODOLOGIST)).toBe(2);
    expect(await holders(Role.CURATOR)).toBe(4);
    // 40 learners plus the 4 curators, who learn too.
    expect(await holders(Role.LEARNER)).toBe(44);
    const curatorsWhoLearn = await db.user.count({
      where: { AND: [{ roles: { some: { role: Role.CURATOR } } }, { roles: { some: { role: Role.LEARNER } } }] },
    });
    expect(curatorsWhoLearn).toBe(4);
  });

  it("stores unique, lower-case emails", async () => {
    const emails = (await getDb().user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(email).toBe(email.toLowerCase());
      expect(email).toMatch(/^[a-z0-9.]+@demo\.skhodynky\.org$/);
    }
    for (const account of DEMO_ACCOUNTS) expect(emails).toContain(account.email);
    expect(PEOPLE.filter((p) => p.locale === "en")).toHaveLength(2);
  });

  it("places each methodologist in a different region", async () => {
    const methodologists = await getDb().user.findMany({
      where: { roles: { some: { role: Role.METHODOLOGIST } } },
      select: { organization: { select: { hromada: { select: { regionId: true } } } } },
    });
    const regionIds = methodologists.map((m) => m.organization.hromada.regionId);
    expect(regionIds).toHaveLength(2);
    expect(new Set(regionIds).size).toBe(regionIds.length);
  });

  it("stores a hash that the demo password verifies against", async () => {
    const learner = await getDb().user.findUniqueOrThrow({
      where: { email: "learner@demo.skhodynky.org" },
      select: { passwordHash: true },
    });
    expect(learner.passwordHash).toBeTruthy();
    expect(await verifyPassword(learner.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(learner.passwordHash ?? "", "wrong-password-2026")).toBe(false);
  });
});
