import "server-only";
import { getDb } from "@/server/db/client";
import type { ReportTable } from "@/server/reports/export-tables";
import { loadCatalog } from "@/features/content/server/load-catalog";
import type { ActivityReportContext } from "./context";

/** At most this many steps in the "stuck" table, the worst first. */
export const STUCK_STEPS_SHOWN = 20;

type StepKey = string; // `${walkthroughId}|${stepId}`

/**
 * Where people get stuck in the guides, from the two signals the guides record: "I'm stuck" reports
 * filed in the period by people of the scope (WalkthroughReport, in the reporter's region), and the
 * step at which people who opened a guide stopped without finishing it, last moved in the period
 * (WalkthroughProgress.step: the player's screen, 0 the opening, then one per step). Then the
 * "the screen looks different" reports, with how many are still open.
 */
export async function walkthroughSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m, locale } = ctx;
  const db = getDb();
  const reportWhere = { regionId: { in: ctx.regionIds }, createdAt: { gte: ctx.since, lt: ctx.until } };
  const [reports, openReports, stopped] = await Promise.all([
    db.walkthroughReport.groupBy({ by: ["walkthroughId", "stepId", "kind"], where: reportWhere, _count: { _all: true } }),
    db.walkthroughReport.groupBy({ by: ["walkthroughId", "stepId", "kind"], where: { ...reportWhere, resolvedAt: null }, _count: { _all: true } }),
    db.walkthroughProgress.groupBy({
      by: ["walkthroughId", "step"],
      where: { completedAt: null, step: { gt: 0 }, updatedAt: { gte: ctx.since, lt: ctx.until }, user: ctx.learningPeopleWhere },
      _count: { _all: true },
    }),
  ]);

  // A region's report covers the region's own guides beside the national ones; the country's, all.
  const catalog = await loadCatalog(ctx.scope.kind === "region" ? { regionId: ctx.scope.regionId } : "everything");
  const guides = new Map(catalog.walkthroughs(locale).map((g) => [g.id, g.title]));
  // Step titles of the guides with reports or stops, read before the tables are built (authored ones are read from the database).
  const named = new Set([...reports.map((r) => r.walkthroughId), ...stopped.map((p) => p.walkthroughId)].filter((id) => guides.has(id)));
  const compiled = new Map(await Promise.all([...named].map(async (id) => [id, await catalog.getWalkthrough(id, locale)] as const)));
  const stepTitles = new Map<string, { ids: string[]; titles: Map<string, string> }>();
  const stepsOf = (walkthroughId: string) => {
    if (!stepTitles.has(walkthroughId)) {
      const steps = compiled.get(walkthroughId)?.steps ?? [];
      stepTitles.set(walkthroughId, { ids: steps.map((s) => s.id), titles: new Map(steps.map((s, i) => [s.id, `${i + 1}. ${s.title}`])) });
    }
    return stepTitles.get(walkthroughId)!;
  };
  const stepLabel = (walkthroughId: string, stepId: string) => stepsOf(walkthroughId).titles.get(stepId) ?? stepId;

  const stuck = new Map<StepKey, { walkthroughId: string; stepId: string; reports: number; stopped: number }>();
  const entry = (walkthroughId: string, stepId: string) => {
    const key = `${walkthroughId}|${stepId}`;
    if (!stuck.has(key)) stuck.set(key, { walkthroughId, stepId, reports: 0, stopped: 0 });
    return stuck.get(key)!;
  };
  for (const r of reports) if (r.kind === "stuck" && guides.has(r.walkthroughId)) entry(r.walkthroughId, r.stepId).reports += r._count._all;
  for (const p of stopped) {
    if (!guides.has(p.walkthroughId)) continue;
    const ids = stepsOf(p.walkthroughId).ids;
    // Screens after the last step are the practice check.
    const stepId = p.step <= ids.length ? ids[p.step - 1]! : PRACTICE;
    entry(p.walkthroughId, stepId).stopped += p._count._all;
  }
  const stuckRows = [...stuck.values()]
    .sort((a, b) => b.reports + b.stopped - (a.reports + a.stopped) || a.walkthroughId.localeCompare(b.walkthroughId))
    .slice(0, STUCK_STEPS_SHOWN)
    .map((s) => [guides.get(s.walkthroughId)!, s.stepId === PRACTICE ? m.practiceCheck : stepLabel(s.walkthroughId, s.stepId), s.reports, s.stopped]);

  const open = new Map(openReports.map((r) => [`${r.walkthroughId}|${r.stepId}|${r.kind}`, r._count._all]));
  const differentRows = reports
    .filter((r) => r.kind === "looks-different" && guides.has(r.walkthroughId))
    .sort((a, b) => b._count._all - a._count._all || a.walkthroughId.localeCompare(b.walkthroughId))
    .map((r) => [guides.get(r.walkthroughId)!, stepLabel(r.walkthroughId, r.stepId), r._count._all, open.get(`${r.walkthroughId}|${r.stepId}|${r.kind}`) ?? 0]);

  return [
    { id: "stuckSteps", title: m.stuckTitle, note: m.stuckNote, header: [m.guide, m.step, m.stuckReports, m.stoppedHere], rows: stuckRows },
    { id: "looksDifferent", title: m.looksDifferentTitle, note: m.looksDifferentNote, header: [m.guide, m.step, m.reports, m.stillOpen], rows: differentRows },
  ];
}

const PRACTICE = "\u0000practice";
