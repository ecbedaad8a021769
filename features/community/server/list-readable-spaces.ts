import "server-only";
import { getDb } from "@/server/db/client";
import { communitySpacesWhere, type Actor } from "@/server/authz/policy";

/** The spaces whose posts the actor reads (the search's space filter offers only these), by name. */
export async function listReadableSpaces(actor: Actor): Promise<{ slug: string; name: string }[]> {
  return getDb().communitySpace.findMany({ where: communitySpacesWhere(actor), select: { slug: true, name: true }, orderBy: { name: "asc" } });
}
