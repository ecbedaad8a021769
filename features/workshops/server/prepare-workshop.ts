import "server-only";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { kyivLocalToInstant } from "../kyiv-time";
import type { TWorkshopWrite } from "../schemas";
import { toContentRefs } from "./content-refs";

const MAX_LENGTH_MS = 14 * 24 * 60 * 60 * 1000;

export type PreparedWorkshop = {
  regionId: string | null;
  fields: {
    audience: string;
    title: string;
    description: string;
    onlineUrl: string | null;
    place: string | null;
    startsAt: Date;
    endsAt: Date;
    capacity: number;
    readings: Prisma.InputJsonValue;
  };
  hromadaIds: string[];
};

/**
 * Checks an announcement or an edit against what the database knows and turns it into rows:
 * the region the actor may announce for (a methodologist their own; an admin any, or none for a
 * national one), hromadas of that region, times read as Kyiv time and in the future, somewhere to
 * be, and lessons and guides that exist. `regionId` of an edit is the workshop's own.
 */
export async function prepareWorkshop(actor: Actor, input: TWorkshopWrite, now: Date, fixedRegionId?: string | null): Promise<PreparedWorkshop> {
  const db = getDb();
  const regionId = fixedRegionId !== undefined ? fixedRegionId : (input.regionId ?? (actor.roles.includes("ADMIN") ? null : actor.regionId));
  authorize(actor, "announce:workshop", { regionId });
  if (regionId !== null && fixedRegionId === undefined) {
    const region = await db.region.findUnique({ where: { id: regionId }, select: { id: true } });
    if (!region) throw new AppError("unprocessable", "errors.workshopRegionUnknown");
  }

  let hromadaIds: string[] = [];
  if (input.audience === "HROMADAS") {
    if (regionId === null) throw new AppError("unprocessable", "errors.workshopHromadasNeedRegion");
    hromadaIds = [...new Set(input.hromadaIds)];
    if (hromadaIds.length === 0) throw new AppError("unprocessable", "errors.workshopHromadasRequired");
    const found = await db.hromada.count({ where: { id: { in: hromadaIds }, regionId } });
    if (found !== hromadaIds.length) throw new AppError("unprocessable", "errors.workshopHromadaUnknown");
  }

  const onlineUrl = input.onlineUrl ?? null;
  const place = input.place ?? null;
  if (!onlineUrl && !place) throw new AppError("unprocessable", "errors.workshopWhereRequired");

  const startsAt = kyivLocalToInstant(input.startsAt);
  const endsAt = kyivLocalToInstant(input.endsAt);
  if (!startsAt || !endsAt) throw new AppError("unprocessable", "errors.workshopTimeInvalid");
  if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw new AppError("unprocessable", "errors.workshopEndBeforeStart");
  if (startsAt <= now) throw new AppError("unprocessable", "errors.workshopInPast");

  const readings = toContentRefs(await loadCatalog(actor), input.readings);
  return {
    regionId,
    hromadaIds,
    fields: {
      audience: input.audience,
      title: input.title,
      description: input.description,
      onlineUrl,
      place,
      startsAt,
      endsAt,
      capacity: input.capacity,
      readings: readings as Prisma.InputJsonValue,
    },
  };
}
