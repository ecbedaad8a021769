import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { lockWorkshop, loadWorkshop } from "./load-workshop";
import { promoteWaitlisted } from "./promote";

/**
 * Gives up one's place (or one's spot in the waiting list) before the workshop starts. Under the
 * workshop's row lock, by compare-and-set on the status read: a freed seat goes at once, in the
 * same transaction, to the first person waiting, who is told. Cancelling with nothing held is a no-op.
 */
export async function cancelRegistration(actor: Actor, workshopId: string, now = new Date()): Promise<{ status: "CANCELLED" | "NONE" }> {
  const { row } = await loadWorkshop(actor, workshopId);
  if (row.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
  return getDb().$transaction(async (tx) => {
    await lockWorkshop(tx, workshopId);
    const held = await tx.workshopRegistration.findFirst({
      where: { workshopId, userId: actor.id, status: { not: "CANCELLED" } },
      select: { id: true, status: true },
    });
    if (!held) return { status: "NONE" as const };
    const { count } = await tx.workshopRegistration.updateMany({
      where: { id: held.id, status: held.status },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count !== 1) throw new AppError("conflict", "errors.workshopRegistrationChanged");
    if (held.status === "REGISTERED" && !row.cancelledAt) {
      // Flat reads only: the PostgreSQL adapter runs a nested select's parts side by side, which one transaction's connection cannot.
      const workshop = await tx.workshop.findUniqueOrThrow({
        where: { id: workshopId },
        select: { id: true, title: true, startsAt: true, capacity: true, createdById: true },
      });
      const organiser = await tx.user.findUniqueOrThrow({ where: { id: workshop.createdById }, select: { name: true } });
      const taken = await tx.workshopRegistration.count({ where: { workshopId, status: "REGISTERED" } });
      await promoteWaitlisted(tx, workshop, workshop.capacity - taken, organiser.name);
    }
    return { status: "CANCELLED" as const };
  });
}
