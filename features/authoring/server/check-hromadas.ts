import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** The hromadas an item is narrowed to must be of its region; a national item is not narrowed. */
export async function checkItemHromadas(regionId: string | null, hromadaIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(hromadaIds)];
  if (!unique.length) return [];
  if (regionId === null)
    throw new AppError("validation_failed", "errors.authoringHromadaOutsideRegion", { hromadaIds: ["errors.authoringHromadaOutsideRegion"] });
  const found = await getDb().hromada.count({ where: { id: { in: unique }, regionId } });
  if (found !== unique.length)
    throw new AppError("validation_failed", "errors.authoringHromadaOutsideRegion", { hromadaIds: ["errors.authoringHromadaOutsideRegion"] });
  return unique;
}
