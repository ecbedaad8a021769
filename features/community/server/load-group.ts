import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor, CommunitySpaceResource } from "@/server/authz/policy";
import { toSpaceResource } from "./load-space";

export type LoadedGroup = { id: string; slug: string; name: string; ownerId: string; resource: CommunitySpaceResource };

/**
 * A private group by slug with the actor's membership loaded, without the members-only check:
 * anyone signed in may know a group exists and who owns it (to ask to join). 404 when there is no
 * group by that slug; each caller then authorizes what it does with the policy.
 */
export async function loadGroup(actor: Actor, slug: string): Promise<LoadedGroup> {
  const row = await getDb().communitySpace.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, kind: true, regionId: true, ownerId: true, members: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!row || row.kind !== "GROUP" || !row.ownerId) throw new AppError("not_found", "errors.communityNotFound");
  return { id: row.id, slug: row.slug, name: row.name, ownerId: row.ownerId, resource: toSpaceResource(row) };
}

/** Like `loadGroup`, for members only: a non-member gets 404, as for the group's threads. */
export async function loadGroupForMember(actor: Actor, slug: string): Promise<LoadedGroup> {
  const group = await loadGroup(actor, slug);
  if (!group.resource.memberIds.includes(actor.id)) throw new AppError("not_found", "errors.communityNotFound");
  return group;
}
