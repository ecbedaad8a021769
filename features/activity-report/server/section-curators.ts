import "server-only";
import { getDb } from "@/server/db/client";
import type { ReportTable } from "@/server/reports/export-tables";
import type { ActivityReportContext } from "./context";

export type CuratorLoad = { id: string; name: string; place: string; mentees: number; capacity: number; atCapacity: boolean };

/** The scope's curators (active accounts the actor may read) with their current mentees against their capacity. */
async function loadCoverage(ctx: ActivityReportContext): Promise<{ curators: CuratorLoad[] }> {
  const rows = await getDb().user.findMany({
    where: { AND: [ctx.peopleWhere, { roles: { some: { role: "CURATOR" } } }] },
    select: {
      id: true,
      name: true,
      curatorCapacity: true,
      organization: { select: { name: true, hromada: { select: { nameUk: true, nameEn: true } } } },
      _count: { select: { mentees: { where: { endedAt: null } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    curators: rows.map((r) => ({
      id: r.id,
      name: r.name,
      place: `${ctx.locale === "en" ? r.organization.hromada.nameEn : r.organization.hromada.nameUk}, ${r.organization.name}`,
      mentees: r._count.mentees,
      capacity: r.curatorCapacity,
      atCapacity: r._count.mentees >= r.curatorCapacity,
    })),
  };
}

const memo = new WeakMap<ActivityReportContext, Promise<{ curators: CuratorLoad[] }>>();
export function curatorCoverage(ctx: ActivityReportContext): Promise<{ curators: CuratorLoad[] }> {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = loadCoverage(ctx)));
  return found;
}

/**
 * Curator coverage: mentees per curator and who is at capacity (the learners without a curator are
 * in the key figures and the breakdowns). Curators are named: this is their workload, which the
 * region's methodologists already manage (/admin/mentorships), not a fact about a learner.
 */
export async function curatorSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m } = ctx;
  const { curators } = await curatorCoverage(ctx);
  return [
    {
      id: "curators",
      title: m.curatorsTitle,
      note: m.curatorsNote,
      header: [m.curator, m.place, m.mentees, m.capacity, m.atCapacity],
      rows: [...curators]
        .sort((a, b) => b.mentees - a.mentees || a.name.localeCompare(b.name, "uk"))
        .map((c) => [c.name, c.place, c.mentees, c.capacity, c.atCapacity ? m.yes : m.no]),
    },
  ];
}
