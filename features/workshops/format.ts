import { kyivDay } from "@/lib/kyiv-calendar";

/** "середа, 10 грудня 2026 р., 10:00–11:30": a workshop's time as a person in Ukraine reads it, always on the Kyiv clock. */
export function formatWorkshopTime(startsAt: string, endsAt: string, locale: "uk" | "en"): string {
  const tag = locale === "en" ? "en-GB" : "uk-UA";
  const day = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Kyiv" });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (kyivDay(start) === kyivDay(end)) return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}
