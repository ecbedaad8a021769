/** Calendar days as Ukraine lives them: Europe/Kyiv, whatever the server's time zone or DST. */
const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit" });

/** "YYYY-MM-DD" of the Kyiv calendar day on which this instant falls. */
export function kyivDay(instant: Date): string {
  return DAY_FORMAT.format(instant);
}

/** The day after / before a "YYYY-MM-DD" day (pure calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** 1 = Monday … 7 = Sunday, for a "YYYY-MM-DD" day. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week the day falls in (weeks in Ukraine start on Monday). */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}
