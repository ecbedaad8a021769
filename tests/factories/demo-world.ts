import { Locale, OrganizationKind, Role, type PrismaClient } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { transliterateUk } from "../../features/community/handles";

/**
 * The demo directory: three oblasts, two real hromadas in each, their social-services
 * centres, one NGO and the Poltava regional centre, and the people who work there.
 * Shared by `prisma/seed.ts` and the tests, so both see the same world.
 * Records refer to each other by stable string keys; database ids are assigned on insert.
 */

export const DEMO_PASSWORD = "Skhodynky-demo-2026";
export const DEMO_EMAIL_DOMAIN = "demo.skhodynky.org";

export type DemoRegion = {
  key: string;
  /** ISO 3166-2:UA */
  code: string;
  nameUk: string;
  nameEn: string;
};

export type DemoHromada = {
  key: string;
  regionKey: string;
  nameUk: string;
  nameEn: string;
};

export type DemoOrganization = {
  key: string;
  hromadaKey: string;
  name: string;
  kind: OrganizationKind;
};

export type DemoPerson = {
  email: string;
  name: string;
  position: string;
  organizationKey: string;
  roles: readonly Role[];
  locale: Locale;
};

export type DemoAccount = { role: Role; email: string };

export const REGIONS: readonly DemoRegion[] = [
  { key: "poltava", code: "UA-53", nameUk: "Полтавська область", nameEn: "Poltava Oblast" },
  { key: "zhytomyr", code: "UA-18", nameUk: "Житомирська область", nameEn: "Zhytomyr Oblast" },
  { key: "chernihiv", code: "UA-74", nameUk: "Чернігівська область", nameEn: "Chernihiv Oblast" },
];

// nameEn follows the national transliteration (CMU Resolution No. 55 of 2010).
export const HROMADAS: readonly DemoHromada[] = [
  { key: "poltava-city", regionKey: "poltava", nameUk: "Полтавська міська громада", nameEn: "Poltavska urban hromada" },
  { key: "reshetylivka", regionKey: "poltava", nameUk: "Решетилівська міська громада", nameEn: "Reshetylivska urban hromada" },
  { key: "korostyshiv", regionKey: "zhytomyr", nameUk: "Коростишівська міська громада", nameEn: "Korostyshivska urban hromada" },
  { key: "ovruch", regionKey: "zhytomyr", nameUk: "Овруцька міська громада", nameEn: "Ovrutska urban hromada" },
  { key: "nosivka", regionKey: "chernihiv", nameUk: "Носівська міська громада", nameEn: "Nosivska urban hromada" },
  { key: "ichnia", regionKey: "chernihiv", nameUk: "Ічнянська міська громада", nameEn: "Ichnianska urban hromada" },
];

export const ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    key: "poltava-regional-centre",
    hromadaKey: "poltava-city",
    name: "Полтавський обласний центр соціальних служб",
    kind: OrganizationKind.REGIONAL_CENTRE,
  },
  {
    key: "poltava-city-centre",
    hromadaKey: "poltava-city",
    name: "Полтавський міський центр соціальних служб",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
  {
    key: "reshetylivka-cnsp",
    hromadaKey: "reshetylivka",
    name: "Центр надання соціальних послуг Решетилівської міської ради",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
  {
    key: "korostyshiv-cnsp",
    hromadaKey: "korostyshiv",
    name: "Центр надання соціальних послуг Коростишівської міської ради",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
  {
    key: "ovruch-cnsp",
    hromadaKey: "ovruch",
    name: "Центр надання соціальних послуг Овруцької міської ради",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
  {
    key: "ovruch-ngo",
    hromadaKey: "ovruch",
    name: "Громадська організація «Добросусідство Овруччини»",
    kind: OrganizationKind.NGO,
  },
  {
    key: "nosivka-cnsp",
    hromadaKey: "nosivka",
    name: "Центр надання соціальних послуг Носівської міської ради",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
  {
    key: "ichnia-cnsp",
    hromadaKey: "ichnia",
    name: "Центр надання соціальних послуг Ічнянської міської ради",
    kind: OrganizationKind.SOCIAL_SERVICES_CENTRE,
  },
];

/** "Олена Коваленко" → "olena.kovalenko@demo.skhodynky.org" */
export function demoEmailFor(name: string): string {
  // The official 2010 transliteration, the same as people's handles (features/community/handles.ts).
  return `${name
    .split(" ")
    .map((word) => transliterateUk(word).toLowerCase())
    .join(".")}@${DEMO_EMAIL_DOMAIN}`;
}

const LEARNER_ONLY: readonly Role[] = [Role.LEARNER];
const CURATOR_ROLES: readonly Role[] = [Role.CURATOR, Role.LEARNER];

type StaffRow = readonly [name: string, position: string, organizationKey: string];

function learner([name, position, organizationKey]: StaffRow, locale: Locale = Locale.uk): DemoPerson {
  return { email: demoEmailFor(name), name, position, organizationKey, roles: LEARNER_ONLY, locale };
}

const SOCIAL_WORK_SPECIALIST = "фахівець із соціальної роботи";
const SOCIAL_WORKER = "соціальний працівник";
const CARE_WORKER = "соціальний робітник";
const PSYCHOLOGIST = "практичний психолог";

const CURATORS: readonly DemoPerson[] = [
  {
    email: `curator@${DEMO_EMAIL_DOMAIN}`,
    name: "Оксана Ткачук",
    position: "соціальний менеджер",
    organizationKey: "reshetylivka-cnsp",
    roles: CURATOR_ROLES,
    locale: Locale.uk,
  },
  {
    email: demoEmailFor("Василь Онищук"),
    name: "Василь Онищук",
    position: "фахівець із соціальної роботи I категорії",
    organizationKey: "korostyshiv-cnsp",
    roles: CURATOR_ROLES,
    locale: Locale.uk,
  },
  {
    email: demoEmailFor("Людмила Остапенко"),
    name: "Людмила Остапенко",
    position: "завідувач відділення соціальної роботи",
    organizationKey: "ichnia-cnsp",
    roles: CURATOR_ROLES,
    locale: Locale.uk,
  },
  {
    email: demoEmailFor("Тетяна Кушнір"),
    name: "Тетяна Кушнір",
    position: "соціальний менеджер",
    organizationKey: "poltava-city-centre",
    roles: CURATOR_ROLES,
    locale: Locale.uk,
  },
];

const LEARNERS: readonly DemoPerson[] = [
  {
    email: `learner@${DEMO_EMAIL_DOMAIN}`,
    name: "Олена Коваленко",
    position: SOCIAL_WORK_SPECIALIST,
    organizationKey: "poltava-city-centre",
    roles: LEARNER_ONLY,
    locale: Locale.uk,
  },
  learner(["Сергій Бондар", SOCIAL_WORKER, "poltava-city-centre"]),
  learner(["Ірина Шевчук", SOCIAL_WORK_SPECIALIST, "poltava-city-centre"]),
  learner(["Юлія Марченко", PSYCHOLOGIST, "poltava-city-centre"], Locale.en),
  learner(["Микола Савенко", SOCIAL_WORKER, "poltava-city-centre"]),
  learner(["Світлана Гордієнко", "фахівець із соціальної роботи II категорії", "poltava-city-centre"]),
  learner(["Дарина Яковенко", SOCIAL_WORK_SPECIALIST, "poltava-city-centre"]),

  learner(["Галина Пономаренко", CARE_WORKER, "reshetylivka-cnsp"]),
  learner(["Ганна Лисенко", SOCIAL_WORK_SPECIALIST, "reshetylivka-cnsp"]),
  learner(["Віктор Головко", SOCIAL_WORKER, "reshetylivka-cnsp"]),
  learner(["Лариса Білоус", CARE_WORKER, "reshetylivka-cnsp"]),
  learner(["Марія Кириленко", SOCIAL_WORK_SPECIALIST, "reshetylivka-cnsp"]),
  learner(["Петро Дяченко", SOCIAL_WORKER, "reshetylivka-cnsp"]),

  learner(["Алла Мельник", SOCIAL_WORK_SPECIALIST, "korostyshiv-cnsp"]),
  learner(["Богдан Ковальчук", SOCIAL_WORKER, "korostyshiv-cnsp"]),
  learner(["Вікторія Зінченко", PSYCHOLOGIST, "korostyshiv-cnsp"]),
  learner(["Інна Поліщук", CARE_WORKER, "korostyshiv-cnsp"]),
  learner(["Роман Данилюк", SOCIAL_WORK_SPECIALIST, "korostyshiv-cnsp"]),
  learner(["Зоя Левчук", CARE_WORKER, "korostyshiv-cnsp"]),

  learner(["Ніна Сидорчук", CARE_WORKER, "ovruch-cnsp"]),
  learner(["Юрій Гаврилюк", SOCIAL_WORKER, "ovruch-cnsp"]),
  learner(["Надія Приходько", SOCIAL_WORK_SPECIALIST, "ovruch-cnsp"]),
  learner(["Катерина Якименко", SOCIAL_WORK_SPECIALIST, "ovruch-cnsp"]),
  learner(["Олександр Мартинюк", SOCIAL_WORKER, "ovruch-cnsp"]),
  learner(["Любов Степанюк", CARE_WORKER, "ovruch-cnsp"]),

  learner(["Анастасія Фещенко", "координатор програм", "ovruch-ngo"], Locale.en),
  learner(["Максим Гуменюк", "консультант із питань внутрішньо переміщених осіб", "ovruch-ngo"]),
  learner(["Софія Ярошенко", "соціальний консультант", "ovruch-ngo"]),

  learner(["Валентина Щербак", CARE_WORKER, "nosivka-cnsp"]),
  learner(["Михайло Стасюк", SOCIAL_WORKER, "nosivka-cnsp"]),
  learner(["Євгенія Хоменко", SOCIAL_WORK_SPECIALIST, "nosivka-cnsp"]),
  learner(["Раїса Левченко", CARE_WORKER, "nosivka-cnsp"]),
  learner(["Ярослава Панченко", PSYCHOLOGIST, "nosivka-cnsp"]),
  learner(["Дмитро Осадчий", SOCIAL_WORK_SPECIALIST, "nosivka-cnsp"]),

  learner(["Лідія Гончаренко", CARE_WORKER, "ichnia-cnsp"]),
  learner(["Олег Назаренко", SOCIAL_WORKER, "ichnia-cnsp"]),
  learner(["Тамара Литвин", SOCIAL_WORK_SPECIALIST, "ichnia-cnsp"]),
  learner(["Жанна Петренко", CARE_WORKER, "ichnia-cnsp"]),
  learner(["Антон Ігнатенко", SOCIAL_WORK_SPECIALIST, "ichnia-cnsp"]),
  learner(["Уляна Зайченко", PSYCHOLOGIST, "ichnia-cnsp"]),
];

export const PEOPLE: readonly DemoPerson[] = [
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    name: "Андрій Савчук",
    position: "адміністратор платформи",
    organizationKey: "poltava-regional-centre",
    roles: [Role.ADMIN],
    locale: Locale.uk,
  },
  {
    email: `methodist.poltava@${DEMO_EMAIL_DOMAIN}`,
    name: "Наталія Гребенюк",
    position: "методист обласного центру соціальних служб",
    organizationKey: "poltava-regional-centre",
    roles: [Role.METHODOLOGIST],
    locale: Locale.uk,
  },
  {
    // A second methodologist of the region: items written in the app are approved by someone other than their author.
    email: `methodist2.poltava@${DEMO_EMAIL_DOMAIN}`,
    name: "Оксана Дорошенко",
    position: "методист обласного центру соціальних служб",
    organizationKey: "poltava-regional-centre",
    roles: [Role.METHODOLOGIST],
    locale: Locale.uk,
  },
  {
    email: `methodist.zhytomyr@${DEMO_EMAIL_DOMAIN}`,
    name: "Ігор Мельничук",
    position: "методист центру надання соціальних послуг",
    organizationKey: "korostyshiv-cnsp",
    roles: [Role.METHODOLOGIST],
    locale: Locale.uk,
  },
  ...CURATORS,
  ...LEARNERS,
];

/** The logins worth printing in the README and after seeding; all share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: Role.ADMIN, email: `admin@${DEMO_EMAIL_DOMAIN}` },
  { role: Role.METHODOLOGIST, email: `methodist.poltava@${DEMO_EMAIL_DOMAIN}` },
  { role: Role.METHODOLOGIST, email: `methodist2.poltava@${DEMO_EMAIL_DOMAIN}` },
  { role: Role.METHODOLOGIST, email: `methodist.zhytomyr@${DEMO_EMAIL_DOMAIN}` },
  { role: Role.CURATOR, email: `curator@${DEMO_EMAIL_DOMAIN}` },
  { role: Role.LEARNER, email: `learner@${DEMO_EMAIL_DOMAIN}` },
];

export type DemoWorldCounts = { regions: number; hromadas: number; organizations: number; users: number; mentorships: number };

const MENTEES_PER_CURATOR = 5;

function regionKeyOf(person: DemoPerson): string {
  const org = ORGANIZATIONS.find((o) => o.key === person.organizationKey);
  const hromada = HROMADAS.find((h) => h.key === org?.hromadaKey);
  if (!hromada) throw new Error(`Demo world: no hromada for ${person.email}`);
  return hromada.regionKey;
}

/**
 * Curator → mentee pairs: each curator follows up to five learners of their own region, the
 * demo curator (curator@) starting with the demo learner (learner@), so both logins show it.
 */
export const DEMO_MENTORSHIPS: readonly (readonly [curatorEmail: string, menteeEmail: string])[] = (() => {
  const learnersOnly = LEARNERS.filter((l) => l.roles.length === 1);
  const taken = new Set<string>();
  const pairs: [string, string][] = [];
  for (const curator of CURATORS) {
    const region = regionKeyOf(curator);
    const candidates = learnersOnly.filter((l) => !taken.has(l.email) && regionKeyOf(l) === region);
    for (const mentee of candidates.slice(0, MENTEES_PER_CURATOR)) {
      taken.add(mentee.email);
      pairs.push([curator.email, mentee.email]);
    }
  }
  return pairs;
})();

function idOf(ids: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo world: unknown ${what} key "${key}"`);
  return id;
}

/**
 * Inserts the whole demo world into an empty database in one transaction, so a failure
 * leaves nothing half-seeded. Every demo account gets the same password hash: argon2id
 * costs ~50 ms a call, and hashing it 47 times would only slow seeding and tests down.
 */
export async function createDemoWorld(db: PrismaClient, opts?: { passwordHash?: string }): Promise<DemoWorldCounts> {
  const passwordHash = opts?.passwordHash ?? (await hashPassword(DEMO_PASSWORD));

  return db.$transaction(async (tx) => {
    const regions = await tx.region.createManyAndReturn({
      data: REGIONS.map(({ code, nameUk, nameEn }) => ({ code, nameUk, nameEn })),
      select: { id: true, code: true },
    });
    const regionIdByCode = new Map(regions.map((r) => [r.code, r.id]));
    const regionIds = new Map(REGIONS.map((r) => [r.key, idOf(regionIdByCode, r.code, "region")]));

    const hromadas = await tx.hromada.createManyAndReturn({
      data: HROMADAS.map(({ regionKey, nameUk, nameEn }) => ({
        regionId: idOf(regionIds, regionKey, "region"),
        nameUk,
        nameEn,
      })),
      select: { id: true, regionId: true, nameUk: true },
    });
    const hromadaIdByName = new Map(hromadas.map((h) => [`${h.regionId}/${h.nameUk}`, h.id]));
    const hromadaIds = new Map(HROMADAS.map((h) => [h.key, idOf(hromadaIdByName, `${idOf(regionIds, h.regionKey, "region")}/${h.nameUk}`, "hromada")]));

    const organizations = await tx.organization.createManyAndReturn({
      data: ORGANIZATIONS.map(({ hromadaKey, name, kind }) => ({
        hromadaId: idOf(hromadaIds, hromadaKey, "hromada"),
        name,
        kind,
      })),
      select: { id: true, name: true },
    });
    const organizationIdByName = new Map(organizations.map((o) => [o.name, o.id]));
    const organizationIds = new Map(ORGANIZATIONS.map((o) => [o.key, idOf(organizationIdByName, o.name, "organization")]));

    const users = await tx.user.createManyAndReturn({
      data: PEOPLE.map((p) => ({
        email: p.email,
        name: p.name,
        position: p.position,
        organizationId: idOf(organizationIds, p.organizationKey, "organization"),
        locale: p.locale,
        passwordHash,
        // The demo's people have a year of history: none of them is a new account (decision 023).
        createdAt: new Date(Date.now() - 365 * 24 * 3600_000),
      })),
      select: { id: true, email: true },
    });
    const userIdByEmail = new Map(users.map((u) => [u.email, u.id]));

    await tx.userRole.createMany({
      data: PEOPLE.flatMap((p) => p.roles.map((role) => ({ userId: idOf(userIdByEmail, p.email, "user"), role }))),
    });

    await tx.mentorship.createMany({
      data: DEMO_MENTORSHIPS.map(([curator, mentee]) => ({
        curatorId: idOf(userIdByEmail, curator, "user"),
        menteeId: idOf(userIdByEmail, mentee, "user"),
      })),
    });

    return {
      regions: regions.length,
      hromadas: hromadas.length,
      organizations: organizations.length,
      users: users.length,
      mentorships: DEMO_MENTORSHIPS.length,
    };
  });
}
