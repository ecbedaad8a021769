import "server-only";
import type { Prisma } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { notify, type NotificationKind } from "@/features/notifications/server/notify";

/** A group notification: the actor's name and the group's name only (decision 024). */
export async function notifyGroup(
  tx: Prisma.TransactionClient,
  actor: Actor,
  userId: string,
  kind: Extract<NotificationKind, `group.${string}`>,
  group: { name: string },
  href: string,
) {
  if (userId === actor.id) return;
  const { name } = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  await notify(tx, userId, kind, { actorName: name, spaceName: group.name }, href);
}
