import "server-only";
import type { ReportTable } from "@/server/reports/export-tables";
import { percent } from "@/features/competences/aggregate-math";
import { suppressBreakdown } from "@/lib/small-groups";
import { activityCounts, population, zeroMeasures, type Measures } from "./activity-counts";
import type { ActivityReportContext } from "./context";

type Group = { id: string; label: string[]; learners: number; withoutCurator: number; measures: Measures };

/**
 * The report's groups side by side: hromadas and organizations of a region, or the regions of the
 * country. A group is as big as its learners, or the people counted active in it if more (people
 * who have since moved or left); a group of 1–4 is hidden, and the complementary rule hides one
 * more when only one would be (lib/small-groups.ts, as in the competency report).
 */
export async function breakdownSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m } = ctx;
  const [counts, people] = await Promise.all([activityCounts(ctx), population(ctx)]);
  const header = [m.learners, m.activeLearnersInPeriod, m.activeShare, m.lessonsFinished, m.guidesFinished, m.learnersWithoutCurator];
  // The active share, a percentage, follows the group's labels, the learners and the active ones.
  const shareColumn = (labels: number) => ({ columns: { [labels + 2]: 1 } });
  const rowsOf = (groups: Group[]) =>
    suppressBreakdown(groups.map((g) => ({ ...g, n: Math.max(g.learners, g.measures.active) }))).map((g) => [
      ...g.label,
      ...(g.suppressed
        ? header.map(() => m.suppressedCell)
        : [
            g.learners,
            g.measures.active,
            percent(Math.min(g.measures.active, g.learners), g.learners),
            g.measures.lessons,
            g.measures.walkthroughs,
            g.withoutCurator,
          ]),
    ]);

  const sum = (orgIds: string[]) =>
    orgIds.reduce(
      (acc, id) => {
        const p = people.byOrganization.get(id);
        return { learners: acc.learners + (p?.learners ?? 0), withoutCurator: acc.withoutCurator + (p?.withoutCurator ?? 0) };
      },
      { learners: 0, withoutCurator: 0 },
    );

  if (ctx.scope.kind === "country") {
    const regions: Group[] = ctx.regions.map((r) => ({
      id: r.id,
      label: [r.name],
      ...sum(people.organizations.filter((o) => o.regionId === r.id).map((o) => o.id)),
      measures: counts.byRegion.get(r.id) ?? zeroMeasures(),
    }));
    return [{ id: "byRegion", title: m.byRegionTitle, note: m.breakdownNote, header: [m.region, ...header], rows: rowsOf(regions), decimals: shareColumn(1) }];
  }

  const hromadas = new Map<string, { name: string; orgIds: string[] }>();
  for (const o of people.organizations) {
    if (!hromadas.has(o.hromadaId)) hromadas.set(o.hromadaId, { name: o.hromadaName, orgIds: [] });
    hromadas.get(o.hromadaId)!.orgIds.push(o.id);
  }
  const hromadaGroups: Group[] = [...hromadas].map(([id, h]) => ({
    id,
    label: [h.name],
    ...sum(h.orgIds),
    measures: counts.byHromada.get(id) ?? zeroMeasures(),
  }));
  const organizationGroups: Group[] = people.organizations.map((o) => ({
    id: o.id,
    label: [o.name, o.hromadaName],
    ...sum([o.id]),
    measures: counts.byOrganization.get(o.id) ?? zeroMeasures(),
  }));
  return [
    { id: "byHromada", title: m.byHromadaTitle, note: m.breakdownNote, header: [m.hromada, ...header], rows: rowsOf(hromadaGroups), decimals: shareColumn(1) },
    {
      id: "byOrganization",
      title: m.byOrganizationTitle,
      note: m.breakdownNote,
      header: [m.organization, m.hromada, ...header],
      rows: rowsOf(organizationGroups),
      decimals: shareColumn(2),
    },
  ];
}
