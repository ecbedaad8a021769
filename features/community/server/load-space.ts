import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor, type CommunitySpaceResource } from "@/server/authz/policy";
import type { SpaceKind } from "../types";

export type LoadedSpace = {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: SpaceKind;
  regionId: string | null;
  resource: CommunitySpaceResource;
};

type SpaceRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: string;
  regionId: string | null;
  ownerId: string | null;
  members: { userId: string }[];
};

/** The policy's facts about a space row whose `members` were loaded for the actor only. */
export function toSpaceResource(row: Pick<SpaceRow, "kind" | "regionId" | "ownerId" | "members">): CommunitySpaceResource {
  return { kind: row.kind as SpaceKind, regionId: row.regionId, ownerId: row.ownerId, memberIds: row.members.map((m) => m.userId) };
}

/**
 * Checks that the actor may read a space: a private group a non-member asks about answers 404 (its
 * existence is not confirmed through its content's addresses), another region's space 403.
 */
export function assertReadsSpace(actor: Actor, resource: CommunitySpaceResource): void {
  if (resource.kind === "GROUP" && !resource.memberIds.includes(actor.id)) throw new AppError("not_found", "errors.communityNotFound");
  authorize(actor, "read:community-space", resource);
}

/** A space by its slug, with the actor's membership loaded; 404 when missing or a group they are not in, 403 for another region's. */
export async function loadSpace(actor: Actor, slug: string): Promise<LoadedSpace> {
  const row = await getDb().communitySpace.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      kind: true,
      regionId: true,
      ownerId: true,
      members: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
  if (!row) throw new AppError("not_found", "errors.communityNotFound");
  const resource = toSpaceResource(row);
  assertReadsSpace(actor, resource);
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, kind: row.kind as SpaceKind, regionId: row.regionId, resource };
}
