import "server-only";
import { getDb } from "@/server/db/client";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { notify } from "@/features/notifications/server/notify";
import { kyivLocalToInstant } from "../kyiv-time";

/**
 * The day-before reminder (a background job, decision 017): everyone holding a seat at a workshop
 * that starts tomorrow (Kyiv calendar) and is not cancelled gets one notification — and through it
 * their e-mail digest. Each is claimed by compare-and-set on `remindedAt` in the transaction that
 * writes the notification, so two servers, or a run after a crash, never remind anyone twice.
 * Moving a workshop to another time clears the mark (update-workshop.ts).
 */
export async function remindWorkshopsTomorrow(now = new Date()): Promise<number> {
  const db = getDb();
  const tomorrow = addDays(kyivDay(now), 1);
  const from = kyivLocalToInstant(`${tomorrow}T00:00`)!;
  const to = kyivLocalToInstant(`${addDays(tomorrow, 1)}T00:00`)!;
  const due = await db.workshopRegistration.findMany({
    where: { status: "REGISTERED", remindedAt: null, workshop: { cancelledAt: null, startsAt: { gte: from, lt: to } } },
    orderBy: { id: "asc" },
    take: 5000,
    select: { id: true, userId: true, workshop: { select: { id: true, title: true, startsAt: true, createdBy: { select: { name: true } } } } },
  });
  let sent = 0;
  for (const r of due) {
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.workshopRegistration.updateMany({ where: { id: r.id, status: "REGISTERED", remindedAt: null }, data: { remindedAt: now } });
      if (count !== 1) return false;
      await notify(
        tx,
        r.userId,
        "workshop.reminder",
        { actorName: r.workshop.createdBy.name, workshopTitle: r.workshop.title, startsAt: r.workshop.startsAt.toISOString() },
        `/workshops/${r.workshop.id}`,
      );
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
