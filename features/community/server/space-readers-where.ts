import "server-only";
import type { Prisma } from "@/server/db/client";
import type { CommunitySpaceResource } from "@/server/authz/policy";

/**
 * The active people who can read a space's posts — the user-side mirror of "read:community-space"
 * (national: everyone; region: its people and admins; group: its members), for mentions and
 * notifications, so nobody is told about a thread they cannot open.
 */
export function spaceReadersWhere(space: CommunitySpaceResource & { id: string }): Prisma.UserWhereInput {
  const active: Prisma.UserWhereInput = { status: "ACTIVE" };
  if (space.kind === "NATIONAL") return active;
  if (space.kind === "REGION")
    return { ...active, OR: [{ organization: { hromada: { regionId: space.regionId ?? "" } } }, { roles: { some: { role: "ADMIN" } } }] };
  return { ...active, spaceMemberships: { some: { spaceId: space.id } } };
}
