import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { notify } from "@/features/notifications/server/notify";
import type { TWorkshopWrite } from "../schemas";
import { lockWorkshop, loadWorkshopToManage } from "./load-workshop";
import { prepareWorkshop } from "./prepare-workshop";
import { promoteWaitlisted } from "./promote";

/**
 * Edits a workshop before it starts. Under the workshop's row lock: the capacity may not fall
 * below the people already registered (409); a larger one gives the new seats to the waiting list.
 * A new time, link or place is told to everyone holding a place, and a new day resets their
 * reminder. Every edit raises the calendar SEQUENCE.
 */
export async function updateWorkshop(actor: Actor, workshopId: string, input: TWorkshopWrite, now = new Date()): Promise<{ id: string }> {
  const { row } = await loadWorkshopToManage(actor, workshopId);
  if (row.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
  if (row.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
  const prepared = await prepareWorkshop(actor, input, now, row.regionId);
  const f = prepared.fields;
  const moved = f.startsAt.getTime() !== row.startsAt.getTime() || f.endsAt.getTime() !== row.endsAt.getTime();
  const relocated = f.onlineUrl !== row.onlineUrl || f.place !== row.place;
  const organiser = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  try {
    return await getDb().$transaction(async (tx) => {
      await lockWorkshop(tx, workshopId);
      const current = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { cancelledAt: true, startsAt: true } });
      if (current.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
      if (current.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
      const registered = await tx.workshopRegistration.count({ where: { workshopId, status: "REGISTERED" } });
      if (f.capacity < registered) throw new AppError("conflict", "errors.workshopCapacityBelowRegistered");
      await tx.workshopHromada.deleteMany({ where: { workshopId } });
      const updated = await tx.workshop.update({
        where: { id: workshopId },
        data: { ...f, sequence: { increment: 1 } },
        select: { id: true, title: true, startsAt: true },
      });
      if (prepared.hromadaIds.length) await tx.workshopHromada.createMany({ data: prepared.hromadaIds.map((hromadaId) => ({ workshopId, hromadaId })) });
      if (moved) await tx.workshopRegistration.updateMany({ where: { workshopId, status: { not: "CANCELLED" } }, data: { remindedAt: null } });
      const promoted = await promoteWaitlisted(tx, updated, f.capacity - registered, organiser.name);
      if (moved || relocated) {
        const holders = await tx.workshopRegistration.findMany({
          where: { workshopId, status: { not: "CANCELLED" }, userId: { notIn: promoted } },
          select: { userId: true },
        });
        for (const h of holders) {
          await notify(
            tx,
            h.userId,
            "workshop.changed",
            { actorName: organiser.name, workshopTitle: updated.title, startsAt: updated.startsAt.toISOString() },
            `/workshops/${workshopId}`,
          );
        }
      }
      return { id: updated.id };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
