import "server-only";
import type { Prisma } from "@/server/db/client";
import { can, type Actor, type AuthoredItemResource } from "@/server/authz/policy";
import { AppError } from "@/server/errors";

const ITEM = { include: { hromadas: { select: { hromadaId: true } } } } as const;
export type AuthoredItemRow = Prisma.AuthoredItemGetPayload<typeof ITEM>;

/** The item as the policy sees it: its scope, whether it is published, who submitted the draft under review. */
export function itemResource(item: AuthoredItemRow): AuthoredItemResource {
  return {
    regionId: item.regionId,
    hromadaIds: item.hromadas.map((h) => h.hromadaId),
    isPublished: item.currentVersion !== null,
    submittedById: item.stage === "IN_REVIEW" ? item.submittedById : null,
  };
}

/**
 * Loads an item its author side may work on (its region's methodologists, admins), locking the
 * row when `lock` so decisions on one item queue up. An item the actor may not write answers 404,
 * as one that does not exist.
 */
export async function loadItemForWriting(tx: Prisma.TransactionClient, actor: Actor, id: string, lock = false): Promise<AuthoredItemRow> {
  if (lock) await tx.$queryRaw`SELECT "id" FROM "AuthoredItem" WHERE "id" = ${id} FOR UPDATE`;
  const item = await tx.authoredItem.findUnique({ where: { id }, ...ITEM });
  if (!item || !can(actor, "write:authored-item", { regionId: item.regionId })) throw new AppError("not_found", "errors.authoringItemNotFound");
  return item;
}
