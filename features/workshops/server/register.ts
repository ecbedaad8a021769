import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadWorkshop, lockWorkshop } from "./load-workshop";

export type RegistrationAnswer = { status: "REGISTERED" | "WAITLISTED"; changed: boolean };

/**
 * Asks for a place: a seat while there is one, otherwise the waiting list. Seats are counted under
 * the workshop's row lock, so registrations of one workshop are decided one after another and
 * never give more seats than the capacity, on any number of servers (a trigger refuses a seat past
 * it as well). Asking again while holding a place answers the place held (one active registration
 * per person, a partial unique index).
 */
export async function registerForWorkshop(actor: Actor, workshopId: string, now = new Date()): Promise<RegistrationAnswer> {
  const { row, resource, mine } = await loadWorkshop(actor, workshopId);
  if (mine) return { status: mine.status, changed: false };
  authorize(actor, "register:workshop", resource);
  if (row.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
  if (row.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
  try {
    return await getDb().$transaction(async (tx) => {
      await lockWorkshop(tx, workshopId);
      const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { capacity: true, cancelledAt: true, startsAt: true } });
      if (workshop.cancelledAt) throw new AppError("conflict", "errors.workshopCancelled");
      if (workshop.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
      const held = await tx.workshopRegistration.findFirst({
        where: { workshopId, userId: actor.id, status: { not: "CANCELLED" } },
        select: { status: true },
      });
      if (held) return { status: held.status as RegistrationAnswer["status"], changed: false };
      const taken = await tx.workshopRegistration.count({ where: { workshopId, status: "REGISTERED" } });
      const status = taken < workshop.capacity ? "REGISTERED" : "WAITLISTED";
      await tx.workshopRegistration.create({ data: { workshopId, userId: actor.id, status, queuedAt: now } });
      return { status, changed: true };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
