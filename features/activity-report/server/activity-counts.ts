import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { organizationsWhere } from "@/server/authz/policy";
import { mondayOf } from "@/lib/kyiv-calendar";
import { daysOf } from "../period";
import type { ActivityReportContext } from "./context";

export type Measures = { active: number; lessons: number; walkthroughs: number; reviews: number; seconds: number };
export type ActivityCounts = {
  total: Measures;
  byDay: Map<string, Measures>;
  byWeek: Map<string, Measures>;
  byMonth: Map<string, Measures>;
  byRegion: Map<string, Measures>;
  byHromada: Map<string, Measures>;
  byOrganization: Map<string, Measures>;
};

type Row = { k: "week" | "month" | "total" | "region" | "hromada" | "organization"; key: string | null; parent: string | null } & Measures;

const ZERO: Measures = { active: 0, lessons: 0, walkthroughs: 0, reviews: 0, seconds: 0 };
export const zeroMeasures = (): Measures => ({ ...ZERO });

/**
 * Every count of people and finished work the report shows, from the daily roll-up (decision 031):
 * per day (through the Prisma builder), and in one statement per week, per month, for the whole period, and per region, hromada
 * and organization. "Active" counts distinct people, so a person active on three days of a week
 * counts once in the week. The scope is the regions `regionsWhere(actor)` allowed (ctx.regionIds).
 */
async function loadActivityCounts(ctx: ActivityReportContext): Promise<ActivityCounts> {
  const counts: ActivityCounts = {
    total: zeroMeasures(),
    byDay: new Map(),
    byWeek: new Map(),
    byMonth: new Map(),
    byRegion: new Map(),
    byHromada: new Map(),
    byOrganization: new Map(),
  };
  if (!ctx.regionIds.length) return counts;
  const db = getDb();
  // Each day of the period with its week's Monday, so the week is looked up per day, not computed per row.
  const days = daysOf(ctx.period);
  const weekOf = days.map(mondayOf);
  // The country is broken down by region, a region by hromada and organization.
  const byPlace =
    ctx.scope.kind === "country"
      ? Prisma.sql`SELECT 'region' AS k, p."regionId" AS key, NULL AS parent, count(*)::int AS active, sum(p.l)::int AS lessons, sum(p.g)::int AS walkthroughs, sum(p.r)::int AS reviews, sum(p.s)::float8 AS seconds
          FROM (SELECT "regionId", "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY "regionId", "userId") p GROUP BY p."regionId"`
      : Prisma.sql`SELECT 'hromada', p."hromadaId", NULL, count(*)::int, sum(p.l)::int, sum(p.g)::int, sum(p.r)::int, sum(p.s)::float8
          FROM (SELECT "hromadaId", "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY "hromadaId", "userId") p GROUP BY p."hromadaId"
        UNION ALL
        SELECT 'organization', p."organizationId", p."hromadaId", count(*)::int, sum(p.l)::int, sum(p.g)::int, sum(p.r)::int, sum(p.s)::float8
          FROM (SELECT "organizationId", "hromadaId", "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY "organizationId", "hromadaId", "userId") p
          GROUP BY p."organizationId", p."hromadaId"`;
  // Distinct people by hashing, in two steps (per person, then per group): several times faster than
  // count(DISTINCT …), which sorts. A larger work_mem for this statement keeps the hashes in memory.
  const [daily, [, rows]] = await Promise.all([
    // One row per person and day: rows per day are the day's active people (the policy's builder scopes it).
    db.activityDay.groupBy({
      by: ["day"],
      where: ctx.daysWhere,
      _count: { _all: true },
      _sum: { lessons: true, walkthroughs: true, reviews: true, seconds: true },
    }),
    db.$transaction([
      db.$executeRaw`SET LOCAL work_mem = '32MB'`,
      db.$queryRaw<Row[]>`
        WITH days AS (SELECT * FROM unnest(${days}::text[], ${weekOf}::text[]) AS t("day", wk)),
        per_user AS MATERIALIZED (
          SELECT a."userId", a."regionId", a."hromadaId", a."organizationId", w.wk, substr(a."day", 1, 7) AS mo,
            sum(a."lessons") AS l, sum(a."walkthroughs") AS g, sum(a."reviews") AS r, sum(a."seconds") AS s
          FROM "ActivityDay" a JOIN days w ON w."day" = a."day"
          WHERE a."regionId" IN (${Prisma.join(ctx.regionIds)}) AND a."day" >= ${ctx.period.from} AND a."day" <= ${ctx.period.to}
          GROUP BY 1, 2, 3, 4, 5, 6
        )
        SELECT 'week' AS k, p.wk AS key, NULL AS parent, count(*)::int AS active, sum(p.l)::int AS lessons, sum(p.g)::int AS walkthroughs, sum(p.r)::int AS reviews, sum(p.s)::float8 AS seconds
          FROM (SELECT wk, "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY wk, "userId") p GROUP BY p.wk
        UNION ALL
        SELECT 'month', p.mo, NULL, count(*)::int, sum(p.l)::int, sum(p.g)::int, sum(p.r)::int, sum(p.s)::float8
          FROM (SELECT mo, "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY mo, "userId") p GROUP BY p.mo
        UNION ALL
        SELECT 'total', NULL, NULL, count(*)::int, sum(p.l)::int, sum(p.g)::int, sum(p.r)::int, sum(p.s)::float8
          FROM (SELECT "userId", sum(l) AS l, sum(g) AS g, sum(r) AS r, sum(s) AS s FROM per_user GROUP BY "userId") p
        UNION ALL
        ${byPlace}`,
    ]),
  ]);
  for (const row of daily) {
    counts.byDay.set(row.day, {
      active: row._count._all,
      lessons: row._sum.lessons ?? 0,
      walkthroughs: row._sum.walkthroughs ?? 0,
      reviews: row._sum.reviews ?? 0,
      seconds: row._sum.seconds ?? 0,
    });
  }
  for (const row of rows) {
    const measures: Measures = {
      active: row.active,
      lessons: row.lessons ?? 0,
      walkthroughs: row.walkthroughs ?? 0,
      reviews: row.reviews ?? 0,
      seconds: row.seconds ?? 0,
    };
    if (row.k === "week") counts.byWeek.set(row.key!, measures);
    else if (row.k === "month") counts.byMonth.set(row.key!, measures);
    else if (row.k === "total") counts.total = measures;
    else if (row.k === "region") counts.byRegion.set(row.key!, measures);
    else if (row.k === "hromada") counts.byHromada.set(row.key!, measures);
    else if (row.k === "organization") counts.byOrganization.set(row.key!, measures);
  }
  return counts;
}

export type Population = {
  learners: number;
  withoutCurator: number;
  /** Per organization: learners, and those without a current curator. */
  byOrganization: Map<string, { learners: number; withoutCurator: number }>;
  organizations: { id: string; name: string; hromadaId: string; hromadaName: string; regionId: string }[];
};

/** The learners of the scope (active accounts with the learner role) by organization, and who has no current curator. */
async function loadPopulation(ctx: ActivityReportContext): Promise<Population> {
  const db = getDb();
  const [all, alone, organizations] = await Promise.all([
    db.user.groupBy({ by: ["organizationId"], where: ctx.learnersWhere, _count: { _all: true } }),
    db.user.groupBy({ by: ["organizationId"], where: { AND: [ctx.learnersWhere, { curators: { none: { endedAt: null } } }] }, _count: { _all: true } }),
    db.organization.findMany({
      where: { AND: [organizationsWhere(ctx.actor), { hromada: { regionId: { in: ctx.regionIds } } }] },
      select: { id: true, name: true, hromadaId: true, hromada: { select: { nameUk: true, nameEn: true, regionId: true } } },
      orderBy: [{ hromada: { nameUk: "asc" } }, { name: "asc" }],
    }),
  ]);
  const byOrganization = new Map<string, { learners: number; withoutCurator: number }>();
  for (const row of all) byOrganization.set(row.organizationId, { learners: row._count._all, withoutCurator: 0 });
  for (const row of alone) {
    const entry = byOrganization.get(row.organizationId);
    if (entry) entry.withoutCurator = row._count._all;
  }
  let learners = 0;
  let withoutCurator = 0;
  for (const entry of byOrganization.values()) {
    learners += entry.learners;
    withoutCurator += entry.withoutCurator;
  }
  return {
    learners,
    withoutCurator,
    byOrganization,
    organizations: organizations.map((o) => ({
      id: o.id,
      name: o.name,
      hromadaId: o.hromadaId,
      hromadaName: ctx.locale === "en" ? o.hromada.nameEn : o.hromada.nameUk,
      regionId: o.hromada.regionId,
    })),
  };
}

// Several sections read the same counts: each report (one context) computes them once.
const countsMemo = new WeakMap<ActivityReportContext, Promise<ActivityCounts>>();
const populationMemo = new WeakMap<ActivityReportContext, Promise<Population>>();

export function activityCounts(ctx: ActivityReportContext): Promise<ActivityCounts> {
  let found = countsMemo.get(ctx);
  if (!found) countsMemo.set(ctx, (found = loadActivityCounts(ctx)));
  return found;
}

export function population(ctx: ActivityReportContext): Promise<Population> {
  let found = populationMemo.get(ctx);
  if (!found) populationMemo.set(ctx, (found = loadPopulation(ctx)));
  return found;
}
