import { beforeAll, describe, expect, it } from "vitest";
import type { Role as RoleName } from "../../server/db/client";

// Each test file has a fresh database of its own (tests/setup/database.ts), so counts are exact.
import { getDb, Role } from "../../server/db/client";
import { verifyPassword } from "../../server/auth/password";
import { createDemoWorld, DEMO_ACCOUNTS, DEMO_MENTORSHIPS, DEMO_PASSWORD, PEOPLE } from "../factories/demo-world";

type Counts = Awaited<ReturnType<typeof createDemoWorld>>;

describe("demo world", () => {
  let counts: Counts;

  beforeAll(async () => {
    counts = await createDemoWorld(getDb());
  }, 120_000);

  it("creates the whole directory and reports what it created", async () => {
    const db = getDb();
    expect(counts).toEqual({ regions: 3, hromadas: 6, organizations: 8, users: 48, mentorships: DEMO_MENTORSHIPS.length });
    expect(await db.mentorship.count()).toBe(DEMO_MENTORSHIPS.length);
    expect(DEMO_MENTORSHIPS).toContainEqual(["curator@demo.skhodynky.org", "learner@demo.skhodynky.org"]);
    expect(await db.region.count()).toBe(3);
    expect(await db.hromada.count()).toBe(6);
    expect(await db.organization.count()).toBe(8);
    expect(await db.user.count()).toBe(48);
  });

  it("gives every role the expected number of people", async () => {
    const db = getDb();
    const holders = (role: RoleName) => db.user.count({ where: { roles: { some: { role } } } });
    expect(await holders(Role.ADMIN)).toBe(1);
    expect(await holders(Role.METHODOLOGIST)).toBe(3);
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

  it("gives Poltava two methodologists (one reviews what the other writes) and Zhytomyr one", async () => {
    const methodologists = await getDb().user.findMany({
      where: { roles: { some: { role: Role.METHODOLOGIST } } },
      select: { organization: { select: { hromada: { select: { region: { select: { nameUk: true } } } } } } },
    });
    const regions = methodologists.map((m) => m.organization.hromada.region.nameUk).sort();
    expect(regions).toEqual(["Житомирська область", "Полтавська область", "Полтавська область"]);
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
