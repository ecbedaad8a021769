import "server-only";
import type { ReportTable } from "@/server/reports/export-tables";
import { percent } from "@/features/competences/aggregate-math";
import { MAX_DAILY_DAYS, daysOf, monthsOf, periodLength, weeksOf } from "../period";
import { activityCounts, population, zeroMeasures, type Measures } from "./activity-counts";
import { curatorCoverage } from "./section-curators";
import type { ActivityReportContext } from "./context";
import { fill, formatMonth, minutes } from "./format";

const measureCells = (x: Measures) => [x.active, x.lessons, x.walkthroughs, x.reviews, minutes(x.seconds)];

/** Key figures, then active learners and finished work by day, week and month of the period. */
export async function learningSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m, locale, period } = ctx;
  const [counts, people, coverage] = await Promise.all([activityCounts(ctx), population(ctx), curatorCoverage(ctx)]);
  const header = [m.activeLearners, m.lessonsFinished, m.guidesFinished, m.itemsReviewed, m.minutes];
  const total = counts.total;
  const summary: ReportTable = {
    id: "summary",
    title: m.summaryTitle,
    note: m.summaryNote,
    header: [m.indicator, m.value],
    rows: [
      [m.learners, people.learners],
      [m.activeLearnersInPeriod, total.active],
      [m.activeShare, percent(Math.min(total.active, people.learners), people.learners)],
      [m.lessonsFinished, total.lessons],
      [m.guidesFinished, total.walkthroughs],
      [m.itemsReviewed, total.reviews],
      [m.minutes, minutes(total.seconds)],
      [m.curators, coverage.curators.length],
      [m.learnersWithCurator, people.learners - people.withoutCurator],
      [m.learnersWithoutCurator, people.withoutCurator],
      [m.curatorsAtCapacity, coverage.curators.filter((c) => c.atCapacity).length],
    ],
    // The active share (the third row) is a percentage.
    decimals: { rows: { 2: 1 } },
  };
  const byDay: ReportTable =
    periodLength(period) <= MAX_DAILY_DAYS
      ? {
          id: "byDay",
          title: m.byDayTitle,
          note: m.byDayNote,
          header: [m.day, ...header],
          rows: daysOf(period).map((day) => [day, ...measureCells(counts.byDay.get(day) ?? zeroMeasures())]),
        }
      : { id: "byDay", title: m.byDayTitle, note: fill(m.byDayTooLong, { max: MAX_DAILY_DAYS }), header: [], rows: [] };
  const byWeek: ReportTable = {
    id: "byWeek",
    title: m.byWeekTitle,
    note: m.byWeekNote,
    header: [m.week, ...header],
    rows: weeksOf(period).map((w) => [`${w.from} – ${w.to}`, ...measureCells(counts.byWeek.get(w.week) ?? zeroMeasures())]),
  };
  const byMonth: ReportTable = {
    id: "byMonth",
    title: m.byMonthTitle,
    note: m.byMonthNote,
    header: [m.month, ...header],
    rows: monthsOf(period).map((mo) => {
      const partial = mo.from !== `${mo.month}-01` || mo.to.slice(0, 7) !== mo.month || mo.to !== lastDayOf(mo.month);
      const label = formatMonth(mo.month, locale) + (partial ? ` (${mo.from} – ${mo.to})` : "");
      return [label, ...measureCells(counts.byMonth.get(mo.month) ?? zeroMeasures())];
    }),
  };
  return [summary, byDay, byWeek, byMonth];
}

function lastDayOf(month: string): string {
  const [y, mo] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
}
