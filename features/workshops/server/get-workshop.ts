import "server-only";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getDb } from "@/server/db/client";
import { authorize, can, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { toKyivLocal } from "../kyiv-time";
import type { MaterialRef, WorkshopAudience } from "../types";
import { loadWorkshop } from "./load-workshop";
import { readRefs, showRefs, type ShownRef } from "./content-refs";
import { countPlaces } from "./workshop-views";

export type WorkshopDetails = {
  id: string;
  title: string;
  description: string;
  onlineUrl: string | null;
  place: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registered: number;
  waitlisted: number;
  seatsLeft: number;
  audience: WorkshopAudience;
  regionName: string | null;
  hromadaNames: string[];
  organiser: string;
  readings: ShownRef[];
  materials: ShownRef[];
  cancelled: boolean;
  started: boolean;
  ended: boolean;
  mine: { status: "REGISTERED" | "WAITLISTED"; attended: boolean | null; queuePosition: number | null } | null;
  canRegister: boolean;
  canManage: boolean;
};

/** A workshop's page: what, when (Kyiv time), where, seats, what to read, the actor's place, and what they may do. */
export async function getWorkshop(actor: Actor, workshopId: string, locale: AppLocale, now = new Date()): Promise<WorkshopDetails> {
  const { row, resource, mine } = await loadWorkshop(actor, workshopId);
  const places = (await countPlaces([row.id])).get(row.id) ?? { registered: 0, waitlisted: 0 };
  let queuePosition: number | null = null;
  if (mine?.status === "WAITLISTED") {
    const me = await getDb().workshopRegistration.findUniqueOrThrow({ where: { id: mine.id }, select: { queuedAt: true } });
    queuePosition =
      1 +
      (await getDb().workshopRegistration.count({
        where: { workshopId, status: "WAITLISTED", OR: [{ queuedAt: { lt: me.queuedAt } }, { queuedAt: me.queuedAt, id: { lt: mine.id } }] },
      }));
  }
  const started = row.startsAt <= now;
  // The refs were checked against the organiser's catalog when chosen; here they only need titles.
  const catalog = await loadCatalog("everything");
  const name = (n: { nameUk: string; nameEn: string }) => (locale === "en" ? n.nameEn : n.nameUk);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    onlineUrl: row.onlineUrl,
    place: row.place,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    registered: places.registered,
    waitlisted: places.waitlisted,
    seatsLeft: Math.max(0, row.capacity - places.registered),
    audience: row.audience as WorkshopAudience,
    regionName: row.region ? name(row.region) : null,
    hromadaNames: row.hromadas.map((h) => name(h.hromada)),
    organiser: row.createdBy.name,
    readings: showRefs(catalog, readRefs(row.readings), locale),
    materials: started ? showRefs(catalog, readRefs(row.materials), locale) : [],
    cancelled: row.cancelledAt !== null,
    started,
    ended: row.endsAt <= now,
    mine: mine ? { status: mine.status, attended: mine.attended, queuePosition } : null,
    canRegister: !mine && !started && row.cancelledAt === null && can(actor, "register:workshop", resource),
    canManage: can(actor, "manage:workshop", { regionId: row.regionId }),
  };
}

export type WorkshopFormValues = {
  id: string;
  title: string;
  description: string;
  onlineUrl: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: WorkshopAudience;
  regionId: string | null;
  hromadaIds: string[];
  readings: string[];
  editable: boolean;
};

/** The edit form's values (times as Kyiv wall clock); only for the workshop's organisers (404/403 otherwise). */
export async function getWorkshopForEdit(actor: Actor, workshopId: string, now = new Date()): Promise<WorkshopFormValues> {
  const { row } = await loadWorkshop(actor, workshopId);
  authorize(actor, "manage:workshop", { regionId: row.regionId });
  const readings = readRefs(row.readings).filter((r): r is Extract<MaterialRef, { kind: "lesson" | "walkthrough" | "note" }> => r.kind !== "link");
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    onlineUrl: row.onlineUrl ?? "",
    place: row.place ?? "",
    startsAt: toKyivLocal(row.startsAt),
    endsAt: toKyivLocal(row.endsAt),
    capacity: row.capacity,
    audience: row.audience as WorkshopAudience,
    regionId: row.regionId,
    hromadaIds: row.hromadas.map((h) => h.hromadaId),
    readings: readings.map((r) => `${r.kind}:${r.id}`),
    editable: row.cancelledAt === null && row.startsAt > now,
  };
}
