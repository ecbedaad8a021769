import type { PrismaClient } from "../../server/db/client";
import { DEMO_EMAIL_DOMAIN } from "./demo-world";
import { createWorkshop } from "./workshops";
import { kyivLocalToInstant } from "../../features/workshops/kyiv-time";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";

/**
 * Two workshops of the Poltava regional centre, so a newcomer sees the feature: one in ten days
 * (helping older clients sign in to Diia and book a CNAP e-queue slot) and one three weeks ago
 * (closed Viber groups for clients) whose attendance is marked and materials attached.
 */
export const DEMO_UPCOMING_WORKSHOP = {
  title: "Літній клієнт і Дія: вхід, Дія.Підпис та запис в електронну чергу ЦНАП",
  description: [
    "Практичний семінар для фахівців із соціальної роботи громад Полтавщини.",
    "",
    "Розберемо на прикладах:",
    "• вхід у застосунок Дія через BankID банку клієнта — і чому код із SMS та PIN-код клієнт вводить сам;",
    "• що змінилося з Дія.Підписом: новий підпис створюють зі смартфона з NFC, з ID-карткою або біометричним закордонним паспортом, і захищають шестизначним кодом;",
    "• запис клієнта в електронну чергу ЦНАП на сайті громади: що взяти з собою (паспорт або ID-картку, РНОКПП) і як нагадати про час;",
    "• що робити, коли в клієнта кнопковий телефон: довіреність на родича, виїзне обслуговування ЦНАП для маломобільних людей.",
    "",
    "Візьміть із собою смартфон. Перед семінаром пройдіть уроки та інструкції зі списку нижче.",
  ].join("\n"),
  place: "Полтава, обласний центр соціальних служб, зала засідань",
  readings: [
    { kind: "lesson" as const, id: "diia-for-clients" },
    { kind: "lesson" as const, id: "smartphone-for-elderly-client" },
    { kind: "lesson" as const, id: "cnap-online-application" },
    { kind: "walkthrough" as const, id: "diia-sign-in" },
    { kind: "walkthrough" as const, id: "cnap-online-application" },
  ],
};

export const DEMO_PAST_WORKSHOP = {
  title: "Закрита група у Viber для клієнтів: правила, модерація і захист даних",
  description:
    "Онлайн-семінар про те, як соціальному працівникові вести закриту групу для клієнтів у Viber: хто додає учасників, які правила закріпити, чого не писати в групі (дані клієнтів — лише в особистих розмовах) і як відповідати на запитання без перевантаження.",
};

export async function createDemoWorkshops(db: PrismaClient, now = new Date()): Promise<number> {
  const poltava = await db.region.findUniqueOrThrow({ where: { code: "UA-53" }, select: { id: true } });
  const methodologist = await db.user.findUniqueOrThrow({ where: { email: `methodist.poltava@${DEMO_EMAIL_DOMAIN}` }, select: { id: true } });
  const people = await db.user.findMany({
    where: { organization: { hromada: { regionId: poltava.id } }, roles: { some: { role: { in: ["LEARNER", "CURATOR"] } } } },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  const learner = people.find((p) => p.email === `learner@${DEMO_EMAIL_DOMAIN}`);
  const others = people.filter((p) => p !== learner).map((p) => p.id);
  const at = (daysFromToday: number, time: string) => kyivLocalToInstant(`${addDays(kyivDay(now), daysFromToday)}T${time}`)!;

  await createWorkshop(db, {
    createdById: methodologist.id,
    regionId: poltava.id,
    ...DEMO_UPCOMING_WORKSHOP,
    startsAt: at(10, "10:00"),
    endsAt: at(10, "12:00"),
    capacity: 25,
    registrantIds: others.slice(0, 6),
  });
  const pastAttendees = [...(learner ? [learner.id] : []), ...others.slice(0, 9)];
  await createWorkshop(db, {
    createdById: methodologist.id,
    regionId: poltava.id,
    ...DEMO_PAST_WORKSHOP,
    place: "Онлайн, Google Meet (посилання отримали зареєстровані)",
    startsAt: at(-21, "14:00"),
    endsAt: at(-21, "15:30"),
    capacity: 30,
    readings: [
      { kind: "lesson", id: "viber-community-vs-group" },
      { kind: "walkthrough", id: "viber-closed-group" },
    ],
    materials: [
      { kind: "walkthrough", id: "viber-closed-group" },
      { kind: "lesson", id: "online-group-rules" },
      { kind: "lesson", id: "client-data-confidentiality" },
    ],
    registrantIds: pastAttendees,
    attendedIds: pastAttendees.filter((_, i) => i !== 3 && i !== 7),
  });
  return 2;
}
