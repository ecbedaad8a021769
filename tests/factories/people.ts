import { randomBytes } from "node:crypto";
import type { Locale, PrismaClient, Role } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, sealValue, TOTP_SECRET_PURPOSE } from "../../server/auth/second-factor";

/**
 * People and places a test owns: a region of its own (so region-wide lists, queues and reports
 * hold only what the test made), users with the roles it needs, and curator–mentee pairs.
 * Every name and e-mail carries a fresh suffix, so a test can run again, or beside any other,
 * against the same database. Used by the end-to-end factory (scripts/e2e-server.mjs).
 */

export type TestPlace = {
  regionId: string;
  regionName: string;
  hromadaId: string;
  hromadaName: string;
  organizationId: string;
  organizationName: string;
};

export type TestPerson = {
  id: string;
  email: string;
  name: string;
  password: string;
  roles: Role[];
  organizationId: string;
  /** An authenticator app's secret, when the person has one (decision 052: admins and methodologists do, unless a test says not). */
  totpSecret?: string;
  /** Unused recovery codes, when the person has a second factor; a sign-in without the UI uses one each time. */
  recoveryCodes?: string[];
};

export type PersonInput = {
  organizationId: string;
  roles: Role[];
  name?: string;
  position?: string;
  locale?: Locale;
  /** A password to share between people (hashed once per process); a fresh random one otherwise. */
  password?: string;
  /**
   * An account made just now, under the community's new-account limits (decision 023). Otherwise
   * the account is a month old, as the people tests stand for have used the platform a while.
   */
  newAccount?: boolean;
};

/** Up to six lower-case letters and digits, unique enough for the names in one test run. */
export function uniqueSuffix(): string {
  return randomBytes(4).readUInt32BE(0).toString(36).slice(-6);
}

const FIRST_NAMES = ["Олена", "Сергій", "Ірина", "Тарас", "Оксана", "Богдан", "Людмила", "Василь", "Галина", "Петро"];
const LAST_NAMES = ["Коваленко", "Бондар", "Шевчук", "Ткачук", "Мельник", "Кравець", "Олійник", "Лисенко", "Гнатюк", "Руденко"];

function personName(suffix: string): string {
  const n = Number.parseInt(suffix, 36);
  return `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]} ${suffix}`;
}

/** A region with one hromada and one social-services centre, all named for this test. */
export async function createPlace(db: PrismaClient): Promise<TestPlace> {
  const suffix = uniqueSuffix();
  const region = await db.region.create({
    data: { code: `T-${suffix}`, nameUk: `Тестова область ${suffix}`, nameEn: `Test Oblast ${suffix}` },
  });
  const hromada = await db.hromada.create({
    data: { regionId: region.id, nameUk: `Тестова громада ${suffix}`, nameEn: `Test hromada ${suffix}` },
  });
  const organization = await db.organization.create({
    data: { hromadaId: hromada.id, name: `Центр соціальних послуг ${suffix}`, kind: "SOCIAL_SERVICES_CENTRE" },
  });
  return {
    regionId: region.id,
    regionName: region.nameUk,
    hromadaId: hromada.id,
    hromadaName: hromada.nameUk,
    organizationId: organization.id,
    organizationName: organization.name,
  };
}

/**
 * An existing organization of a seeded region (by region code, e.g. "UA-53"), for tests that read
 * the demo world's data (the region report) without changing it.
 */
export async function findPlace(db: PrismaClient, regionCode: string): Promise<TestPlace> {
  const organization = await db.organization.findFirstOrThrow({
    where: { hromada: { region: { code: regionCode } } },
    orderBy: { name: "asc" },
    include: { hromada: { include: { region: true } } },
  });
  return {
    regionId: organization.hromada.regionId,
    regionName: organization.hromada.region.nameUk,
    hromadaId: organization.hromadaId,
    hromadaName: organization.hromada.nameUk,
    organizationId: organization.id,
    organizationName: organization.name,
  };
}

/** What people in each role are called at work, so pages that show a position read naturally. */
const POSITIONS: Record<Role, string> = {
  LEARNER: "фахівець із соціальної роботи",
  CURATOR: "соціальний менеджер",
  METHODOLOGIST: "методист обласного центру соціальних служб",
  ADMIN: "адміністратор платформи",
};

// argon2id costs tens of milliseconds a call: a password shared by many test people is hashed once.
const sharedHashes = new Map<string, Promise<string>>();

/** An active account with its password (returned, so the test can sign in). */
export async function createPerson(db: PrismaClient, input: PersonInput): Promise<TestPerson> {
  const suffix = uniqueSuffix();
  const password = input.password ?? `test-${randomBytes(12).toString("base64url")}`;
  if (input.password && !sharedHashes.has(password)) sharedHashes.set(password, hashPassword(password));
  const roleWord = input.roles[0]?.toLowerCase() ?? "person";
  const user = await db.user.create({
    data: {
      email: `${roleWord}.${suffix}@example.org`,
      name: input.name ?? personName(suffix),
      position: input.position ?? POSITIONS[input.roles.find((r) => r !== "LEARNER") ?? "LEARNER"],
      organizationId: input.organizationId,
      locale: input.locale ?? "uk",
      passwordHash: await (sharedHashes.get(password) ?? hashPassword(password)),
      roles: { create: input.roles.map((role) => ({ role })) },
      createdAt: input.newAccount ? new Date() : new Date(Date.now() - 30 * 24 * 3600_000),
    },
  });
  return { id: user.id, email: user.email, name: user.name, password, roles: input.roles, organizationId: user.organizationId };
}

export async function createMentorship(db: PrismaClient, curatorId: string, menteeId: string): Promise<{ id: string }> {
  return db.mentorship.create({ data: { curatorId, menteeId }, select: { id: true } });
}

/**
 * Verification of a walkthrough is country-wide: a test that starts from "never verified" clears
 * the guide's verifications first instead of depending on no earlier test having verified it.
 */
export async function clearWalkthroughVerifications(db: PrismaClient, walkthroughId: string): Promise<number> {
  const { count } = await db.walkthroughVerification.deleteMany({ where: { walkthroughId } });
  return count;
}

/** Gives a person an authenticator app with a known secret and ten recovery codes (as an enrolment would). */
export async function enrolTestSecondFactor(db: PrismaClient, person: TestPerson): Promise<TestPerson> {
  const totpSecret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  await db.secondFactor.create({ data: { userId: person.id, kind: "TOTP", label: "Телефон", secret: sealValue(totpSecret, TOTP_SECRET_PURPOSE) } });
  await db.recoveryCode.createMany({ data: recoveryCodes.map((code) => ({ userId: person.id, codeHash: hashRecoveryCode(code) })) });
  return { ...person, totpSecret, recoveryCodes };
}
