import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { PURPOSE_IDS, TOOL_IDS, DIRECTION_IDS, FREQUENCIES } from "../instrument";
import { MIN_GROUP, percent, percentRow, quarterLabel, suppressBreakdown } from "../aggregate-math";

export type Scope = { kind: "country" } | { kind: "region"; regionId: string } | { kind: "hromada"; hromadaId: string };

export type Aggregates = {
  respondents: number;
  fullFormRespondents: number;
  suppressed: boolean;
  /** Area → counts of levels 0..8 (short and full forms). */
  areaDistribution: Record<string, number[]>;
  /** Competence → counts of levels 0..8 (full forms only); null when fewer than MIN_GROUP full forms. */
  competenceDistribution: Record<string, number[]> | null;
  /** Purpose → percentages for Always / Often / Sometimes / Never. */
  purposes: Record<string, Record<(typeof FREQUENCIES)[number], number>>;
  /** Tool → direction → % of full-form respondents who use it more often; null when too few. */
  tools: Record<string, Record<string, number>> | null;
  /** Per quarter: respondents and mean area level (one decimal); suppressed quarters carry n only as "<5". */
  trend: { quarter: string; n: number; suppressed: boolean; areaMeans: Record<string, number> }[];
  /** For a region or the country: respondents per hromada / region, with small groups hidden. */
  breakdown: { id: string; n: number; suppressed: boolean }[];
};

function scopeFilter(scope: Scope): Prisma.Sql {
  if (scope.kind === "region") return Prisma.sql`AND a."regionId" = ${scope.regionId}`;
  if (scope.kind === "hromada") return Prisma.sql`AND a."hromadaId" = ${scope.hromadaId}`;
  return Prisma.empty;
}

/**
 * Aggregates over each person's latest submitted assessment in the scope (where they worked when
 * they submitted). All counting happens in SQL; a group under MIN_GROUP is never returned.
 */
export async function computeAggregates(scope: Scope): Promise<Aggregates> {
  const db = getDb();
  const where = scopeFilter(scope);
  const latest = Prisma.sql`
    SELECT DISTINCT ON (a."userId") a."id", a."form"
    FROM "Assessment" a
    WHERE a."status" = 'SUBMITTED' ${where}
    ORDER BY a."userId", a."submittedAt" DESC`;

  const [counts] = await db.$queryRaw<{ n: number; full: number }[]>`
    WITH latest AS (${latest})
    SELECT count(*)::int AS n, count(*) FILTER (WHERE "form" = 'FULL')::int AS full FROM latest`;
  const respondents = counts?.n ?? 0;
  const fullFormRespondents = counts?.full ?? 0;
  const empty: Aggregates = {
    respondents,
    fullFormRespondents,
    suppressed: true,
    areaDistribution: {},
    competenceDistribution: null,
    purposes: {},
    tools: null,
    trend: [],
    breakdown: [],
  };
  if (respondents < MIN_GROUP) return empty;

  const [areaRows, competenceRows, purposeRows, toolRows, trendRows, breakdownRows] = await Promise.all([
    db.$queryRaw<{ area: string; level: number; n: number }[]>`
      WITH latest AS (${latest}),
      area_levels AS (
        SELECT r."itemId" AS area, r."level" FROM "AssessmentRating" r JOIN latest l ON l."id" = r."assessmentId"
        WHERE r."itemType" = 'AREA'
        UNION ALL
        SELECT split_part(r."itemId", '.', 1) AS area, percentile_disc(0.5) WITHIN GROUP (ORDER BY r."level") AS level
        FROM "AssessmentRating" r JOIN latest l ON l."id" = r."assessmentId"
        WHERE r."itemType" = 'COMPETENCE'
        GROUP BY r."assessmentId", split_part(r."itemId", '.', 1)
      )
      SELECT area, level, count(*)::int AS n FROM area_levels GROUP BY area, level`,
    fullFormRespondents >= MIN_GROUP
      ? db.$queryRaw<{ item: string; level: number; n: number }[]>`
          WITH latest AS (${latest})
          SELECT r."itemId" AS item, r."level", count(*)::int AS n
          FROM "AssessmentRating" r JOIN latest l ON l."id" = r."assessmentId"
          WHERE r."itemType" = 'COMPETENCE' GROUP BY r."itemId", r."level"`
      : Promise.resolve([]),
    db.$queryRaw<{ purpose: string; frequency: (typeof FREQUENCIES)[number]; n: number }[]>`
      WITH latest AS (${latest})
      SELECT p."purpose", p."frequency"::text AS frequency, count(*)::int AS n
      FROM "AssessmentPurpose" p JOIN latest l ON l."id" = p."assessmentId"
      GROUP BY p."purpose", p."frequency"`,
    fullFormRespondents >= MIN_GROUP
      ? db.$queryRaw<{ tool: string; direction: string; n: number }[]>`
          WITH latest AS (${latest})
          SELECT t."tool", t."direction", count(*)::int AS n
          FROM "AssessmentToolUse" t JOIN latest l ON l."id" = t."assessmentId" AND l."form" = 'FULL'
          GROUP BY t."tool", t."direction"`
      : Promise.resolve([]),
    db.$queryRaw<{ quarter: Date; area: string; n: number; mean: number }[]>`
      WITH per_quarter AS (
        SELECT DISTINCT ON (a."userId", date_trunc('quarter', a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv'))
          a."id", date_trunc('quarter', a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv') AS quarter
        FROM "Assessment" a
        WHERE a."status" = 'SUBMITTED' ${where}
        ORDER BY a."userId", date_trunc('quarter', a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv'), a."submittedAt" DESC
      ),
      area_levels AS (
        SELECT q.quarter, r."itemId" AS area, r."level"::float AS level FROM "AssessmentRating" r JOIN per_quarter q ON q."id" = r."assessmentId"
        WHERE r."itemType" = 'AREA'
        UNION ALL
        SELECT q.quarter, split_part(r."itemId", '.', 1) AS area, percentile_disc(0.5) WITHIN GROUP (ORDER BY r."level")::float AS level
        FROM "AssessmentRating" r JOIN per_quarter q ON q."id" = r."assessmentId"
        WHERE r."itemType" = 'COMPETENCE'
        GROUP BY q.quarter, r."assessmentId", split_part(r."itemId", '.', 1)
      )
      SELECT quarter, area, count(*)::int AS n, avg(level)::float AS mean FROM area_levels GROUP BY quarter, area ORDER BY quarter`,
    scope.kind === "hromada"
      ? Promise.resolve([])
      : db.$queryRaw<{ id: string; n: number }[]>`
          WITH latest AS (
            SELECT DISTINCT ON (a."userId") a."id", a."regionId", a."hromadaId"
            FROM "Assessment" a WHERE a."status" = 'SUBMITTED' ${where}
            ORDER BY a."userId", a."submittedAt" DESC
          )
          SELECT ${scope.kind === "region" ? Prisma.sql`"hromadaId"` : Prisma.sql`"regionId"`} AS id, count(*)::int AS n
          FROM latest GROUP BY 1`,
  ]);

  const areaDistribution: Record<string, number[]> = {};
  const add = (table: Record<string, number[]>, key: string, level: number, n: number) => {
    const counts = (table[key] ??= Array<number>(9).fill(0));
    counts[level] = (counts[level] ?? 0) + n;
  };
  for (const row of areaRows) add(areaDistribution, row.area, row.level, row.n);

  let competenceDistribution: Aggregates["competenceDistribution"] = null;
  if (fullFormRespondents >= MIN_GROUP) {
    competenceDistribution = {};
    for (const row of competenceRows) add(competenceDistribution, row.item, row.level, row.n);
  }

  const purposes: Aggregates["purposes"] = {};
  for (const purpose of PURPOSE_IDS) {
    const rows = purposeRows.filter((r) => r.purpose === purpose);
    const row = percentRow(FREQUENCIES.map((f) => rows.find((r) => r.frequency === f)?.n ?? 0));
    purposes[purpose] = Object.fromEntries(FREQUENCIES.map((f, i) => [f, row[i] ?? 0])) as Record<(typeof FREQUENCIES)[number], number>;
  }

  let tools: Aggregates["tools"] = null;
  if (fullFormRespondents >= MIN_GROUP) {
    tools = {};
    for (const tool of TOOL_IDS) {
      tools[tool] = Object.fromEntries(DIRECTION_IDS.map((d) => [d, percent(toolRows.find((r) => r.tool === tool && r.direction === d)?.n ?? 0, fullFormRespondents)]));
    }
  }

  const byQuarter = new Map<string, { n: number; areaMeans: Record<string, number> }>();
  for (const row of trendRows) {
    const label = quarterLabel(row.quarter);
    const entry = byQuarter.get(label) ?? { n: 0, areaMeans: {} };
    entry.n = Math.max(entry.n, row.n);
    entry.areaMeans[row.area] = Math.round(row.mean * 10) / 10;
    byQuarter.set(label, entry);
  }
  const trend = [...byQuarter].map(([quarter, v]) => ({
    quarter,
    n: v.n,
    suppressed: v.n < MIN_GROUP,
    areaMeans: v.n < MIN_GROUP ? {} : v.areaMeans,
  }));

  const breakdown = suppressBreakdown(breakdownRows.filter((r) => r.id !== null)).map((g) => ({ id: g.id, n: g.suppressed ? 0 : g.n, suppressed: g.suppressed }));

  return { respondents, fullFormRespondents, suppressed: false, areaDistribution, competenceDistribution, purposes, tools, trend, breakdown };
}
