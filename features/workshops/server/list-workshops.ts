import "server-only";
import { getDb } from "@/server/db/client";
import { can, workshopsWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { CARD_SELECT, countPlaces, toCard, type WorkshopCard } from "./workshop-views";

export type WorkshopLists = { upcoming: WorkshopCard[]; mine: WorkshopCard[]; past: WorkshopCard[]; canAnnounce: boolean };

/**
 * The /workshops page: upcoming workshops the actor may see (their audience's; for methodologists
 * their region's, for admins all), the ones they hold a place at, and past ones (newest first).
 */
export async function listWorkshops(actor: Actor, locale: AppLocale, now = new Date()): Promise<WorkshopLists> {
  const db = getDb();
  const scope = workshopsWhere(actor);
  const select = CARD_SELECT(actor.id);
  const [upcoming, mine, past] = await Promise.all([
    db.workshop.findMany({
      where: { AND: [scope, { endsAt: { gt: now }, cancelledAt: null }] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 50,
      select,
    }),
    db.workshop.findMany({
      where: { endsAt: { gt: now }, registrations: { some: { userId: actor.id, status: { not: "CANCELLED" } } } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 50,
      select,
    }),
    db.workshop.findMany({ where: { AND: [scope, { endsAt: { lte: now } }] }, orderBy: [{ startsAt: "desc" }, { id: "asc" }], take: 30, select }),
  ]);
  const places = await countPlaces([...new Set([...upcoming, ...mine, ...past].map((w) => w.id))]);
  const card = (w: (typeof upcoming)[number]) => toCard(w, places.get(w.id), locale);
  return { upcoming: upcoming.map(card), mine: mine.map(card), past: past.map(card), canAnnounce: can(actor, "announce:workshops") };
}

/** The Today card: the actor's next workshop within 7 days (one they hold a place at first, else one they could join), or null. */
export async function getNextWorkshop(actor: Actor, locale: AppLocale, now = new Date()): Promise<WorkshopCard | null> {
  const soon = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  const rows = await getDb().workshop.findMany({
    where: { AND: [workshopsWhere(actor), { startsAt: { gt: now, lte: soon }, cancelledAt: null }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 5,
    select: CARD_SELECT(actor.id),
  });
  const chosen = rows.find((r) => r.registrations.length > 0) ?? rows[0];
  if (!chosen) return null;
  const places = await countPlaces([chosen.id]);
  return toCard(chosen, places.get(chosen.id), locale);
}

export type AttendedWorkshop = { id: string; title: string; startsAt: string; materials: number };

/** Workshops the actor attended (marked by the organiser), newest first: the progress page. */
export async function listAttendedWorkshops(actor: Actor): Promise<AttendedWorkshop[]> {
  const rows = await getDb().workshopRegistration.findMany({
    where: { userId: actor.id, status: "REGISTERED", attended: true },
    orderBy: { workshop: { startsAt: "desc" } },
    take: 50,
    select: { workshop: { select: { id: true, title: true, startsAt: true, materials: true } } },
  });
  return rows.map(({ workshop: w }) => ({
    id: w.id,
    title: w.title,
    startsAt: w.startsAt.toISOString(),
    materials: Array.isArray(w.materials) ? w.materials.length : 0,
  }));
}
