import { addDays, kyivDay, mondayOf } from "@/lib/kyiv-calendar";

/** The longest period a report covers, and the longest for which it lists every day. */
export const MAX_PERIOD_DAYS = 366;
export const MAX_DAILY_DAYS = 92;
/** Without a choice, a report covers the last 30 Kyiv days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

export type Period = { from: string; to: string };

/** Whether "YYYY-MM-DD" names a real calendar day (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days from `from` to `to`, both included. */
export function periodLength({ from, to }: Period): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The chosen period, or the last DEFAULT_PERIOD_DAYS Kyiv days; a missing end is today, a missing start 30 days before the end. */
export function resolvePeriod(input: { from?: string; to?: string }, now: Date): Period {
  const to = input.to ?? kyivDay(now);
  const from = input.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
  return { from, to };
}

/**
 * The instant a Kyiv calendar day begins (midnight in Kyiv, +02:00 in winter and +03:00 in
 * summer; Ukraine changes the clocks at 03:00/04:00, never at midnight).
 */
export function kyivDayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  for (const offsetHours of [3, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d, -offsetHours));
    if (kyivDay(candidate) === day && kyivDay(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  throw new Error(`no Kyiv midnight found for ${day}`);
}

/** Every day of the period, in order. */
export function daysOf({ from, to }: Period): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The weeks (Monday to Sunday) the period touches, each clipped to the period. */
export function weeksOf(period: Period): { week: string; from: string; to: string }[] {
  const weeks: { week: string; from: string; to: string }[] = [];
  for (let monday = mondayOf(period.from); monday <= period.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    weeks.push({ week: monday, from: monday < period.from ? period.from : monday, to: sunday > period.to ? period.to : sunday });
  }
  return weeks;
}

/** The months ("YYYY-MM") the period touches, each clipped to the period. */
export function monthsOf(period: Period): { month: string; from: string; to: string }[] {
  const months: { month: string; from: string; to: string }[] = [];
  let first = `${period.from.slice(0, 7)}-01`;
  while (first <= period.to) {
    const [y, m] = first.split("-").map(Number) as [number, number];
    const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const last = addDays(next, -1);
    months.push({ month: first.slice(0, 7), from: first < period.from ? period.from : first, to: last > period.to ? period.to : last });
    first = next;
  }
  return months;
}
