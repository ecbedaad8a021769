import "server-only";
import { getDb } from "@/server/db/client";
import type { ReportTable } from "@/server/reports/export-tables";
import { loadCatalog } from "@/features/content/server/load-catalog";
import type { ActivityReportContext } from "./context";

/** How many lessons the most and least finished tables list. */
export const LESSON_RANK_SIZE = 10;

/**
 * The most and least finished lessons and every guide, counted from the per-region, per-day roll-up
 * of finished content (repeats included). Lessons nobody finished count as 0, so they lead the
 * "least finished" list.
 */
export async function contentSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m, locale } = ctx;
  const rows = ctx.regionIds.length
    ? await getDb().activityContentDay.groupBy({
        by: ["kind", "contentId"],
        where: { regionId: { in: ctx.regionIds }, day: { gte: ctx.period.from, lte: ctx.period.to }, kind: { in: ["lesson", "walkthrough"] } },
        _sum: { count: true },
      })
    : [];
  // A region's report lists the region's own items beside the national ones; the country's, all.
  const catalog = await loadCatalog(ctx.scope.kind === "region" ? { regionId: ctx.scope.regionId } : "everything");
  const finished = new Map(rows.map((r) => [`${r.kind}:${r.contentId}`, r._sum.count ?? 0]));
  const collator = new Intl.Collator(locale === "en" ? "en" : "uk");
  const lessons = catalog
    .lessons(locale)
    .map((l) => ({ title: l.title, n: finished.get(`lesson:${l.id}`) ?? 0 }))
    .sort((a, b) => b.n - a.n || collator.compare(a.title, b.title));
  const most = lessons.filter((l) => l.n > 0).slice(0, LESSON_RANK_SIZE);
  const least = [...lessons].sort((a, b) => a.n - b.n || collator.compare(a.title, b.title)).slice(0, LESSON_RANK_SIZE);
  const guides = catalog
    .walkthroughs(locale)
    .map((g) => ({ title: g.title, n: finished.get(`walkthrough:${g.id}`) ?? 0 }))
    .sort((a, b) => b.n - a.n || collator.compare(a.title, b.title));
  return [
    { id: "lessonsMost", title: m.lessonsMostTitle, note: m.lessonsNote, header: [m.lesson, m.timesFinished], rows: most.map((l) => [l.title, l.n]) },
    { id: "lessonsLeast", title: m.lessonsLeastTitle, note: m.lessonsNote, header: [m.lesson, m.timesFinished], rows: least.map((l) => [l.title, l.n]) },
    { id: "guides", title: m.guidesTitle, note: m.guidesNote, header: [m.guide, m.timesFinished], rows: guides.map((g) => [g.title, g.n]) },
  ];
}
