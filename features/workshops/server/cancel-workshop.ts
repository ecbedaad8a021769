import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { notify } from "@/features/notifications/server/notify";
import { loadWorkshopToManage } from "./load-workshop";

/**
 * Cancels a workshop that has not started: once (compare-and-set on `cancelledAt`), and everyone
 * holding a place or waiting is told in the same transaction. Registrations stay as history.
 */
export async function cancelWorkshop(actor: Actor, workshopId: string, now = new Date()): Promise<{ cancelled: true }> {
  const { row } = await loadWorkshopToManage(actor, workshopId);
  if (row.startsAt <= now) throw new AppError("conflict", "errors.workshopStarted");
  const organiser = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.workshop.updateMany({
      where: { id: workshopId, cancelledAt: null },
      data: { cancelledAt: now, sequence: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("conflict", "errors.workshopCancelled");
    const holders = await tx.workshopRegistration.findMany({ where: { workshopId, status: { not: "CANCELLED" } }, select: { userId: true } });
    for (const h of holders) {
      await notify(
        tx,
        h.userId,
        "workshop.cancelled",
        { actorName: organiser.name, workshopTitle: row.title, startsAt: row.startsAt.toISOString() },
        `/workshops/${workshopId}`,
      );
    }
  });
  return { cancelled: true };
}
