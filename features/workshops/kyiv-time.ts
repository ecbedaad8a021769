/**
 * Workshop times are entered and shown as a clock in Kyiv ("YYYY-MM-DDTHH:MM", what an
 * <input type="datetime-local"> sends), whatever the server's or the browser's time zone, and stored
 * as instants. Europe/Kyiv moves its clocks twice a year, so the offset is read for each instant.
 */
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Kyiv",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

export const KYIV_LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The Kyiv wall clock at an instant, as "YYYY-MM-DDTHH:MM". */
export function toKyivLocal(instant: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function offsetMs(instant: number): number {
  const local = toKyivLocal(new Date(instant));
  const m = KYIV_LOCAL_PATTERN.exec(local)!;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a Kyiv wall-clock time names, or null when it is malformed or does not exist (the
 * hour skipped when clocks go forward). In the hour that repeats when clocks go back, the first.
 */
export function kyivLocalToInstant(local: string): Date | null {
  const m = KYIV_LOCAL_PATTERN.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offsets in force a day either side (Kyiv is UTC+2 or UTC+3): the earlier match wins.
  const candidates = [...new Set([offsetMs(asUtc - 86_400_000), offsetMs(asUtc + 86_400_000)])].map((offset) => asUtc - offset).sort((a, b) => a - b);
  const found = candidates.find((instant) => toKyivLocal(new Date(instant)) === local);
  return found === undefined ? null : new Date(found);
}
