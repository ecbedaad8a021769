import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";

/** The tracks of the actor's region, for its methodologists' page (admins: their own region's too). */
export async function listRegionTracks(actor: Actor) {
  authorize(actor, "manage:region-track", { regionId: actor.regionId });
  return getDb().regionTrack.findMany({
    where: { regionId: actor.regionId },
    orderBy: { createdAt: "desc" },
    select: { slug: true, title: true, description: true, lessons: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}
