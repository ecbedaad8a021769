import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { AppError, isUniqueViolation } from "@/server/errors";
import { kebabFromName } from "@/features/community/handles";
import { listTracks } from "@/features/lessons/server/catalog";
import { loadCatalog } from "@/features/content/server/load-catalog";
import type { TRegionTrackWrite } from "../schemas";

/**
 * A region's methodologist adds a learning track of their region: lessons in order that the
 * region's learners can open (built-in, national or the region's own). It joins the catalog's
 * tracks for the region's people only.
 */
export async function createRegionTrack(actor: Actor, input: TRegionTrackWrite): Promise<{ slug: string }> {
  authorize(actor, "author:content");
  authorize(actor, "manage:region-track", { regionId: actor.regionId });
  const catalog = await loadCatalog(actor);
  const unknown = input.lessons.filter((id) => !catalog.lessonExists(id));
  if (unknown.length) throw new AppError("validation_failed", "errors.regionTrackLessonUnknown", { lessons: ["errors.regionTrackLessonUnknown"] });
  const builtIn = new Set(listTracks().map((t) => t.id));
  const base = kebabFromName(input.title, 60) || "track";
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 && !builtIn.has(base) ? base : `${base}-${randomBytes(3).toString("hex")}`;
    try {
      await getDb().regionTrack.create({
        data: {
          slug,
          regionId: actor.regionId,
          title: input.title,
          description: input.description,
          lessons: [...new Set(input.lessons)],
          createdById: actor.id,
        },
      });
      return { slug };
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, "RegionTrack_slug_key")) continue;
      throw error;
    }
  }
}
