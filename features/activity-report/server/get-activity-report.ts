import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { regionsWhere, type Actor } from "@/server/authz/policy";
import { formatDateTime, type AppLocale } from "@/server/i18n";
import type { ReportTable } from "@/server/reports/export-tables";
import { MIN_GROUP } from "@/lib/small-groups";
import type { Period } from "../period";
import type { TActivityReportQuery } from "../schemas";
import { population } from "./activity-counts";
import { resolveActivityContext } from "./context";
import { fill, formatDay } from "./format";
import { ACTIVITY_REPORT_SECTIONS } from "./sections";

export type ActivityReport = {
  /** The region's name, or the country's. */
  title: string;
  /** The chosen region's id and code, or null for the country. */
  region: { id: string; code: string } | null;
  period: Period;
  /** "1 листопада 2026 р. – 30 листопада 2026 р." */
  periodLabel: string;
  generatedAt: string;
  learners: number;
  /** Fewer than MIN_GROUP learners in the scope: no table is shown. */
  suppressed: boolean;
  tables: ReportTable[];
  /** The regions an admin may switch to (empty for a methodologist, who has one). */
  choices: { id: string; name: string }[];
};

/**
 * The region's (or, for admins, the country's) activity report for a Kyiv-day period: the feature
 * function resolves the scope from the actor and the ids, checks the policy, and builds every table
 * the page, the CSV and the XLSX show.
 */
export async function getActivityReport(actor: Actor, query: TActivityReportQuery, locale: AppLocale, now = new Date()): Promise<ActivityReport> {
  const ctx = await resolveActivityContext(actor, query, locale, now);
  const { m } = ctx;
  const people = await population(ctx);
  const suppressed = people.learners < MIN_GROUP;
  const tables = suppressed ? [] : (await Promise.all(ACTIVITY_REPORT_SECTIONS.map((section) => section(ctx)))).flat();
  const region = ctx.scope.kind === "region" ? ctx.regions[0] : undefined;
  const choices = actor.roles.includes("ADMIN")
    ? (await getDb().region.findMany({ where: regionsWhere(actor), select: { id: true, nameUk: true, nameEn: true }, orderBy: { nameUk: "asc" } })).map(
        (r) => ({ id: r.id, name: locale === "en" ? r.nameEn : r.nameUk }),
      )
    : [];
  return {
    title: region ? region.name : m.country,
    region: region ? { id: region.id, code: region.code } : null,
    period: ctx.period,
    periodLabel: `${formatDay(ctx.period.from, locale)} – ${formatDay(ctx.period.to, locale)}`,
    generatedAt: formatDateTime(now, locale),
    learners: people.learners,
    suppressed,
    tables,
    choices,
  };
}

/** The heading rows of an export: what, where, when, how many, when made. */
export function activityReportSummary(
  report: ActivityReport,
  m: { title: string; periodLine: string; learnersLine: string; generated: string; tooFew: string },
): string[][] {
  return [
    [`${m.title}: ${report.title}`],
    [fill(m.periodLine, { period: report.periodLabel })],
    [fill(m.learnersLine, { n: report.learners })],
    [fill(m.generated, { date: report.generatedAt })],
    ...(report.suppressed ? [[m.tooFew]] : []),
  ];
}

/** One table of the report for a per-table download; 404 for a table the report does not have. */
export function pickTables(report: ActivityReport, tableId: string | undefined): ReportTable[] {
  if (!tableId) return report.tables;
  const table = report.tables.find((t) => t.id === tableId);
  if (!table) throw new AppError("not_found", "errors.notFound");
  return [table];
}
