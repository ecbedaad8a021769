import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, can, type Actor, type WorkshopResource } from "@/server/authz/policy";
import type { RegistrationStatus, WorkshopAudience } from "../types";

export const WORKSHOP_SELECT = {
  id: true,
  regionId: true,
  audience: true,
  title: true,
  description: true,
  onlineUrl: true,
  place: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  readings: true,
  materials: true,
  sequence: true,
  cancelledAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  region: { select: { nameUk: true, nameEn: true } },
  hromadas: { select: { hromadaId: true, hromada: { select: { nameUk: true, nameEn: true } } } },
} satisfies Prisma.WorkshopSelect;

export type WorkshopRow = Prisma.WorkshopGetPayload<{ select: typeof WORKSHOP_SELECT }>;

export type LoadedWorkshop = {
  row: WorkshopRow;
  resource: WorkshopResource;
  /** The actor's active registration, if any. */
  mine: { id: string; status: Exclude<RegistrationStatus, "CANCELLED">; attended: boolean | null } | null;
};

export function toWorkshopResource(
  row: { regionId: string | null; audience: string; hromadas: { hromadaId: string }[] },
  registrantIds: string[],
): WorkshopResource {
  return { regionId: row.regionId, audience: row.audience as WorkshopAudience, hromadaIds: row.hromadas.map((h) => h.hromadaId), registrantIds };
}

/**
 * A workshop and the policy's facts about it, with the actor's own registration. A workshop the
 * actor may not see answers 404 exactly like one that does not exist: it is listed nowhere for
 * them, so its address tells them nothing (decisions 015 and 030).
 */
export async function loadWorkshop(actor: Actor, workshopId: string): Promise<LoadedWorkshop> {
  const row = await getDb().workshop.findUnique({
    where: { id: workshopId },
    select: {
      ...WORKSHOP_SELECT,
      registrations: { where: { userId: actor.id, status: { not: "CANCELLED" } }, select: { id: true, status: true, attended: true } },
    },
  });
  if (!row) throw new AppError("not_found", "errors.workshopNotFound");
  const { registrations, ...rest } = row;
  const own = registrations[0];
  const resource = toWorkshopResource(rest, own ? [actor.id] : []);
  if (!can(actor, "read:workshop", resource)) throw new AppError("not_found", "errors.workshopNotFound");
  return { row: rest, resource, mine: own ? { id: own.id, status: own.status as "REGISTERED" | "WAITLISTED", attended: own.attended } : null };
}

/** For the organiser's actions: 404 as above, then 403 for a reader who does not run it. */
export async function loadWorkshopToManage(actor: Actor, workshopId: string): Promise<LoadedWorkshop> {
  const loaded = await loadWorkshop(actor, workshopId);
  authorize(actor, "manage:workshop", { regionId: loaded.row.regionId });
  return loaded;
}

/** Takes the workshop's row lock inside a transaction: seat-givers and cancellers of one workshop go one at a time. */
export async function lockWorkshop(tx: Prisma.TransactionClient, workshopId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Workshop" WHERE "id" = ${workshopId} FOR UPDATE`;
}
