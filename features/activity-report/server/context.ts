import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { activityDaysWhere, authorize, regionsWhere, usersWhere, type Actor } from "@/server/authz/policy";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { addDays } from "@/lib/kyiv-calendar";
import { kyivDayStart, resolvePeriod, type Period } from "../period";
import type { TActivityReportQuery } from "../schemas";

export type ActivityScope = { kind: "country" } | { kind: "region"; regionId: string };

/** Everything a section of the report needs, resolved once from the actor and the query. */
export type ActivityReportContext = {
  actor: Actor;
  locale: AppLocale;
  m: (typeof MESSAGES)["uk"]["activityReport"];
  scope: ActivityScope;
  /** The regions counted: the chosen one, or every region for the country; always within `regionsWhere(actor)`. */
  regions: { id: string; code: string; name: string }[];
  regionIds: string[];
  period: Period;
  /** The period as instants: from Kyiv midnight of its first day to Kyiv midnight after its last. */
  since: Date;
  until: Date;
  /** The people of the scope the actor may read (usersWhere), active accounts only. */
  peopleWhere: Prisma.UserWhereInput;
  /**
   * People whose learning the report counts beside the roll-ups: active accounts, and erased ones,
   * whose learning stays in every figure as it was (decision 051).
   */
  learningPeopleWhere: Prisma.UserWhereInput;
  /** Learners of the scope: the population every share and every small-group rule counts. */
  learnersWhere: Prisma.UserWhereInput;
  /** Days of learning in the scope and the period the actor may count (activityDaysWhere). */
  daysWhere: Prisma.ActivityDayWhereInput;
};

/**
 * Resolves what the report covers from the actor and the query, and checks the actor may read it:
 * without a region, a methodologist gets their own region and an admin the country. A region that
 * does not exist is 404; another region's report is 403 (the directory of regions is public).
 */
export async function resolveActivityContext(actor: Actor, query: TActivityReportQuery, locale: AppLocale, now: Date): Promise<ActivityReportContext> {
  const db = getDb();
  const requested = query.region === undefined ? (actor.roles.includes("ADMIN") ? null : actor.regionId) : query.region || null;
  let scope: ActivityScope = { kind: "country" };
  if (requested) {
    const region = await db.region.findUnique({ where: { id: requested }, select: { id: true } });
    if (!region) throw new AppError("not_found", "errors.regionNotFound");
    scope = { kind: "region", regionId: region.id };
  }
  authorize(actor, "read:activity-report", scope.kind === "country" ? { scope: "country" } : { scope: "region", regionId: scope.regionId });

  // The scope goes into every query through the policy's builders, not only through the check above.
  const regions = await db.region.findMany({
    where: { AND: [regionsWhere(actor), scope.kind === "region" ? { id: scope.regionId } : {}] },
    select: { id: true, code: true, nameUk: true, nameEn: true },
    orderBy: { nameUk: "asc" },
  });
  const regionIds = regions.map((r) => r.id);
  const period = resolvePeriod(query, now);
  const inScope: Prisma.UserWhereInput = { organization: { hromada: { regionId: { in: regionIds } } } };
  const peopleWhere: Prisma.UserWhereInput = { AND: [usersWhere(actor), inScope, { status: "ACTIVE" }] };
  return {
    actor,
    locale,
    m: MESSAGES[locale].activityReport,
    scope,
    regions: regions.map((r) => ({ id: r.id, code: r.code, name: locale === "en" ? r.nameEn : r.nameUk })),
    regionIds,
    period,
    since: kyivDayStart(period.from),
    until: kyivDayStart(addDays(period.to, 1)),
    peopleWhere,
    learningPeopleWhere: { AND: [usersWhere(actor), inScope, { status: { in: ["ACTIVE", "ERASED"] } }] },
    learnersWhere: { AND: [peopleWhere, { roles: { some: { role: "LEARNER" } } }] },
    daysWhere: { AND: [activityDaysWhere(actor), { regionId: { in: regionIds } }, { day: { gte: period.from, lte: period.to } }] },
  };
}
