import "server-only";
import { MESSAGES, formatDateTime, type AppLocale } from "@/server/i18n";
import type { Report } from "./report";

/** The heading rows of an export: what, where, how many, when. */
export function reportSummary(report: Report, locale: AppLocale): string[][] {
  const m = MESSAGES[locale].reports;
  const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
  return [
    [`${m.title}: ${report.title}`],
    [fill(m.respondentsLine, { n: report.respondents, full: report.fullFormRespondents })],
    [fill(m.generated, { date: formatDateTime(new Date(), locale) })],
    ...(report.suppressed ? [[m.tooFew]] : []),
  ];
}
