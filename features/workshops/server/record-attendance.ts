import "server-only";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { loadWorkshopToManage } from "./load-workshop";
import { parseLinkLines, toContentRefs } from "./content-refs";
import { MAX_MATERIALS } from "../types";

/**
 * After the workshop has started, its organiser marks who came: the registrations listed attended,
 * every other registered person not. Ids that are not this workshop's registered people are refused
 * (422) so a form from another workshop cannot mark anyone. `now` is a parameter for tests.
 */
export async function recordAttendance(
  actor: Actor,
  workshopId: string,
  attendedIds: readonly string[],
  now = new Date(),
): Promise<{ attended: number; absent: number }> {
  const { row } = await loadWorkshopToManage(actor, workshopId);
  if (row.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
  if (row.startsAt > now) throw new AppError("conflict", "errors.workshopNotYet");
  const wanted = new Set(attendedIds);
  return getDb().$transaction(async (tx) => {
    const registered = await tx.workshopRegistration.findMany({ where: { workshopId, status: "REGISTERED" }, select: { id: true } });
    const known = new Set(registered.map((r) => r.id));
    if ([...wanted].some((id) => !known.has(id))) throw new AppError("unprocessable", "errors.workshopRegistrantUnknown");
    const came = await tx.workshopRegistration.updateMany({ where: { workshopId, status: "REGISTERED", id: { in: [...wanted] } }, data: { attended: true } });
    const missed = await tx.workshopRegistration.updateMany({
      where: { workshopId, status: "REGISTERED", id: { notIn: [...wanted] } },
      data: { attended: false },
    });
    return { attended: came.count, absent: missed.count };
  });
}

/** After the start, the organiser attaches materials: lessons and guides that exist, and https links. */
export async function setWorkshopMaterials(
  actor: Actor,
  workshopId: string,
  input: { content: readonly string[]; links?: string },
  now = new Date(),
): Promise<{ materials: number }> {
  const { row } = await loadWorkshopToManage(actor, workshopId);
  if (row.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
  if (row.startsAt > now) throw new AppError("conflict", "errors.workshopNotYet");
  const materials = [...toContentRefs(await loadCatalog(actor), input.content), ...parseLinkLines(input.links)];
  if (materials.length > MAX_MATERIALS) throw new AppError("unprocessable", "errors.workshopTooManyMaterials");
  await getDb().workshop.update({ where: { id: workshopId }, data: { materials: materials as Prisma.InputJsonValue } });
  return { materials: materials.length };
}
