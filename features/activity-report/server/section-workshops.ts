import "server-only";
import { getDb } from "@/server/db/client";
import type { ReportTable } from "@/server/reports/export-tables";
import type { ActivityReportContext } from "./context";

/**
 * Workshop attendance (decision 030): the scope's methodological workshops that started in the
 * period and were not cancelled — a region's own, and for the country also the national ones —
 * with their places, the registered and waiting, and how many came once the organiser marked
 * attendance. Counts of a public event, not facts about a person, so no small-group suppression.
 */
export async function workshopSection(ctx: ActivityReportContext): Promise<ReportTable[]> {
  const { m } = ctx;
  const regionFilter = ctx.scope.kind === "country" ? { OR: [{ regionId: { in: ctx.regionIds } }, { regionId: null }] } : { regionId: { in: ctx.regionIds } };
  const workshops = await getDb().workshop.findMany({
    where: { AND: [regionFilter, { cancelledAt: null, startsAt: { gte: ctx.since, lt: ctx.until } }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      title: true,
      startsAt: true,
      capacity: true,
      registrations: { where: { status: { in: ["REGISTERED", "WAITLISTED"] } }, select: { status: true, attended: true } },
    },
  });
  // With the year: the report is printed and kept.
  const when = new Intl.DateTimeFormat(ctx.locale === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  return [
    {
      id: "workshops",
      title: m.workshopsTitle,
      note: m.workshopsNote,
      header: [m.workshop, m.workshopDate, m.workshopCapacity, m.workshopRegistered, m.workshopWaitlisted, m.workshopAttended],
      rows: workshops.map((w) => {
        const registered = w.registrations.filter((r) => r.status === "REGISTERED");
        const marked = registered.some((r) => r.attended !== null);
        return [
          w.title,
          when.format(w.startsAt),
          w.capacity,
          registered.length,
          w.registrations.length - registered.length,
          marked ? registered.filter((r) => r.attended === true).length : m.workshopNotMarked,
        ];
      }),
    },
  ];
}
