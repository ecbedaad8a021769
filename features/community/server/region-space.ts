import "server-only";
import type { Prisma } from "@/server/db/client";

/**
 * Every region has its own community space (one per region: a partial unique index). It is made in
 * the same transaction as the region, so a region's workers never find their space missing.
 */
export async function createRegionSpace(
  tx: Prisma.TransactionClient,
  region: { id: string; code: string; nameUk: string },
): Promise<{ id: string; slug: string }> {
  return tx.communitySpace.create({
    data: {
      kind: "REGION",
      regionId: region.id,
      slug: `region-${region.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      name: region.nameUk,
      description: "Простір фахівців області: питання, досвід, складні випадки.",
    },
    select: { id: true, slug: true },
  });
}
