import "server-only";
import type { Prisma } from "@/server/db/client";
import { notify } from "@/features/notifications/server/notify";

/**
 * Gives up to `seats` free places to the first people waiting (in the order they asked), each by
 * compare-and-set on WAITLISTED, and tells each of them in the same transaction. The caller holds
 * the workshop's row lock.
 */
export async function promoteWaitlisted(
  tx: Prisma.TransactionClient,
  workshop: { id: string; title: string; startsAt: Date },
  seats: number,
  organiserName: string,
): Promise<string[]> {
  if (seats <= 0) return [];
  const waiting = await tx.workshopRegistration.findMany({
    where: { workshopId: workshop.id, status: "WAITLISTED" },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    take: seats,
    select: { id: true, userId: true },
  });
  const promoted: string[] = [];
  for (const w of waiting) {
    const { count } = await tx.workshopRegistration.updateMany({ where: { id: w.id, status: "WAITLISTED" }, data: { status: "REGISTERED" } });
    if (count !== 1) continue;
    await notify(
      tx,
      w.userId,
      "workshop.promoted",
      { actorName: organiserName, workshopTitle: workshop.title, startsAt: workshop.startsAt.toISOString() },
      `/workshops/${workshop.id}`,
    );
    promoted.push(w.userId);
  }
  return promoted;
}
