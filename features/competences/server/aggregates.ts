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
  /** Purpose → percentages for Always / Often / Sometimes / Never (each row adds up to 100). */
  purposes: Record<string, Record<(typeof FREQUENCIES)[number], number>>;
  /** Tool → direction → % of full-form respondents who use it more often; null when too few. */
  tools: Record<string, Record<string, number>> | null;
  /** Per quarter (Kyiv time): respondents and mean area level, one decimal; small quarters suppressed. */
  trend: { quarter: string; n: number; suppressed: boolean; areaMeans: Record<string, number> }[];
  /** For a region or the country: respondents per hromada / region, with small groups hidden. */
  breakdown: { id: string; n: number; suppressed: boolean }[];
};

type Row = {
  n: number;
  full: number;
  areas: { area: string; level: number; n: number }[] | null;
  competences: { item: string; level: number; n: number }[] | null;
  purposes: { purpose: string; frequency: (typeof FREQUENCIES)[number]; n: number }[] | null;
  tools: { tool: string; direction: string; n: number }[] | null;
  trend: { quarter: string; area: string; n: number; mean: number }[] | null;
  breakdown: { id: string; n: number }[] | null;
};

function scopeFilter(scope: Scope): Prisma.Sql {
  if (scope.kind === "region") return Prisma.sql`AND a."regionId" = ${scope.regionId}`;
  if (scope.kind === "hromada") return Prisma.sql`AND a."hromadaId" = ${scope.hromadaId}`;
  return Prisma.empty;
}

const KYIV_QUARTER = Prisma.sql`date_trunc('quarter', a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv')`;
// Byte-order collation: sorting ids this way is several times faster than a linguistic collation.
const BY_USER = Prisma.sql`a."userId" COLLATE "C"`;

/**
 * Aggregates over each person's latest submitted assessment in the scope (where they worked when
 * they submitted), in one SQL statement that reads only the Assessment table: the "latest" set is
 * computed once, and every table is counted from the summary each assessment stored when it was
 * submitted. Groups under MIN_GROUP are never returned.
 */
export async function computeAggregates(scope: Scope): Promise<Aggregates> {
  const where = scopeFilter(scope);
  // A cheap, index-only fingerprint of the scope's data: a cached result is reused until an
  // assessment is submitted (or removed) there. Each app instance keeps its own small cache.
  const [stamp] = await getDb().$queryRaw<{ n: number; last: Date | null }[]>`
    SELECT count(*)::int AS n, max(a."submittedAt") AS last FROM "Assessment" a WHERE a."status" = 'SUBMITTED' ${where}`;
  const cacheKey = `${JSON.stringify(scope)}|${stamp?.n ?? 0}|${stamp?.last?.toISOString() ?? ""}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const result = await aggregateNow(scope, where);
  cache.set(cacheKey, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

const CACHE_SIZE = 64;
const cache = new Map<string, Aggregates>();

async function aggregateNow(scope: Scope, where: Prisma.Sql): Promise<Aggregates> {
  const childColumn = scope.kind === "region" ? Prisma.sql`"hromadaId"` : Prisma.sql`"regionId"`;
  const [row] = await getDb().$queryRaw<Row[]>`
    WITH latest AS MATERIALIZED (
      SELECT DISTINCT ON (${BY_USER}) a."form", a."regionId", a."hromadaId", a."summary"
      FROM "Assessment" a
      WHERE a."status" = 'SUBMITTED' ${where}
      ORDER BY ${BY_USER}, a."submittedAt" DESC
    ),
    per_quarter AS MATERIALIZED (
      SELECT DISTINCT ON (${BY_USER}, ${KYIV_QUARTER}) ${KYIV_QUARTER} AS quarter, a."summary" -> 'areas' AS areas
      FROM "Assessment" a
      WHERE a."status" = 'SUBMITTED' ${where}
      ORDER BY ${BY_USER}, ${KYIV_QUARTER}, a."submittedAt" DESC
    ),
    counts AS (SELECT count(*)::int AS n, count(*) FILTER (WHERE "form" = 'FULL')::int AS full FROM latest)
    SELECT
      counts.n,
      counts.full,
      (SELECT json_agg(x) FROM (
        SELECT e.key AS area, e.value::int AS level, count(*)::int AS n
        FROM latest, jsonb_each_text(latest."summary" -> 'areas') e
        GROUP BY e.key, e.value) x) AS areas,
      (SELECT json_agg(x) FROM (
        SELECT e.key AS item, e.value::int AS level, count(*)::int AS n
        FROM latest, jsonb_each_text(latest."summary" -> 'competences') e
        WHERE latest."form" = 'FULL' AND counts.full >= ${MIN_GROUP}
        GROUP BY e.key, e.value) x) AS competences,
      (SELECT json_agg(x) FROM (
        SELECT e.key AS purpose, e.value AS frequency, count(*)::int AS n
        FROM latest, jsonb_each_text(latest."summary" -> 'purposes') e
        GROUP BY e.key, e.value) x) AS purposes,
      (SELECT json_agg(x) FROM (
        SELECT split_part(e.value, '|', 1) AS tool, split_part(e.value, '|', 2) AS direction, count(*)::int AS n
        FROM latest, jsonb_array_elements_text(latest."summary" -> 'tools') e
        WHERE latest."form" = 'FULL' AND counts.full >= ${MIN_GROUP}
        GROUP BY e.value) x) AS tools,
      (SELECT json_agg(x ORDER BY x.quarter) FROM (
        SELECT to_char(q.quarter, 'YYYY-MM-DD') AS quarter, e.key AS area, count(*)::int AS n, avg(e.value::int)::float AS mean
        FROM per_quarter q, jsonb_each_text(q.areas) e
        GROUP BY q.quarter, e.key) x) AS trend,
      (SELECT json_agg(x) FROM (
        SELECT ${childColumn} AS id, count(*)::int AS n FROM latest GROUP BY 1) x) AS breakdown
    FROM counts`;

  const respondents = row?.n ?? 0;
  const fullFormRespondents = row?.full ?? 0;
  if (!row || respondents < MIN_GROUP) {
    return {
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
  }

  const add = (table: Record<string, number[]>, key: string, level: number, n: number) => {
    const counts = (table[key] ??= Array<number>(9).fill(0));
    counts[level] = (counts[level] ?? 0) + n;
  };
  const areaDistribution: Record<string, number[]> = {};
  for (const r of row.areas ?? []) add(areaDistribution, r.area, r.level, r.n);

  const hasFull = fullFormRespondents >= MIN_GROUP;
  let competenceDistribution: Aggregates["competenceDistribution"] = null;
  if (hasFull) {
    competenceDistribution = {};
    for (const r of row.competences ?? []) add(competenceDistribution, r.item, r.level, r.n);
  }

  const purposes: Aggregates["purposes"] = {};
  for (const purpose of PURPOSE_IDS) {
    const rows = (row.purposes ?? []).filter((r) => r.purpose === purpose);
    const values = percentRow(FREQUENCIES.map((f) => rows.find((r) => r.frequency === f)?.n ?? 0));
    purposes[purpose] = Object.fromEntries(FREQUENCIES.map((f, i) => [f, values[i] ?? 0])) as Record<(typeof FREQUENCIES)[number], number>;
  }

  let tools: Aggregates["tools"] = null;
  if (hasFull) {
    tools = {};
    for (const tool of TOOL_IDS) {
      tools[tool] = Object.fromEntries(
        DIRECTION_IDS.map((d) => [d, percent((row.tools ?? []).find((r) => r.tool === tool && r.direction === d)?.n ?? 0, fullFormRespondents)]),
      );
    }
  }

  const byQuarter = new Map<string, { n: number; areaMeans: Record<string, number> }>();
  for (const r of row.trend ?? []) {
    const label = quarterLabel(new Date(`${r.quarter}T00:00:00Z`));
    const entry = byQuarter.get(label) ?? { n: 0, areaMeans: {} };
    entry.n = Math.max(entry.n, r.n);
    entry.areaMeans[r.area] = Math.round(r.mean * 10) / 10;
    byQuarter.set(label, entry);
  }
  const trend = [...byQuarter].map(([quarter, v]) => ({ quarter, n: v.n, suppressed: v.n < MIN_GROUP, areaMeans: v.n < MIN_GROUP ? {} : v.areaMeans }));

  const breakdown =
    scope.kind === "hromada"
      ? []
      : suppressBreakdown((row.breakdown ?? []).filter((b) => b.id !== null)).map((g) => ({ id: g.id, n: g.suppressed ? 0 : g.n, suppressed: g.suppressed }));

  return { respondents, fullFormRespondents, suppressed: false, areaDistribution, competenceDistribution, purposes, tools, trend, breakdown };
}
