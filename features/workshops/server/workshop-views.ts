import "server-only";
import { getDb } from "@/server/db/client";
import type { AppLocale } from "@/server/i18n";
import type { WorkshopAudience } from "../types";

/** A workshop as a list or a card shows it (a DTO: no row crosses to the page). */
export type WorkshopCard = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  place: string | null;
  audience: WorkshopAudience;
  regionName: string | null;
  capacity: number;
  seatsLeft: number;
  waitlisted: number;
  cancelled: boolean;
  myStatus: "REGISTERED" | "WAITLISTED" | null;
  attended: boolean | null;
};

export type CardRow = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  place: string | null;
  audience: string;
  capacity: number;
  cancelledAt: Date | null;
  region: { nameUk: string; nameEn: string } | null;
  registrations: { status: string; attended: boolean | null }[];
};

export const CARD_SELECT = (actorId: string) =>
  ({
    id: true,
    title: true,
    startsAt: true,
    endsAt: true,
    onlineUrl: true,
    place: true,
    audience: true,
    capacity: true,
    cancelledAt: true,
    region: { select: { nameUk: true, nameEn: true } },
    registrations: { where: { userId: actorId, status: { not: "CANCELLED" } }, select: { status: true, attended: true } },
  }) as const;

/** Seats taken and people waiting, for many workshops in one query. */
export async function countPlaces(workshopIds: readonly string[]): Promise<Map<string, { registered: number; waitlisted: number }>> {
  const counts = new Map<string, { registered: number; waitlisted: number }>();
  if (!workshopIds.length) return counts;
  const groups = await getDb().workshopRegistration.groupBy({
    by: ["workshopId", "status"],
    where: { workshopId: { in: [...workshopIds] }, status: { in: ["REGISTERED", "WAITLISTED"] } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const c = counts.get(g.workshopId) ?? { registered: 0, waitlisted: 0 };
    if (g.status === "REGISTERED") c.registered = g._count._all;
    else c.waitlisted = g._count._all;
    counts.set(g.workshopId, c);
  }
  return counts;
}

export function toCard(row: CardRow, places: { registered: number; waitlisted: number } | undefined, locale: AppLocale): WorkshopCard {
  const own = row.registrations[0];
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    online: row.onlineUrl !== null,
    place: row.place,
    audience: row.audience as WorkshopAudience,
    regionName: row.region ? (locale === "en" ? row.region.nameEn : row.region.nameUk) : null,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - (places?.registered ?? 0)),
    waitlisted: places?.waitlisted ?? 0,
    cancelled: row.cancelledAt !== null,
    myStatus: own ? (own.status as "REGISTERED" | "WAITLISTED") : null,
    attended: own?.attended ?? null,
  };
}
