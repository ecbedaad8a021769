import "server-only";
import { getDb } from "@/server/db/client";
import { can, groupInviteesWhere, type Actor } from "@/server/authz/policy";
import { loadGroupForMember } from "./load-group";

/** How many people the invitation picker offers at most (a hromada's team or a curator's mentees fit). */
export const INVITEE_PICKER_LIMIT = 200;

export type GroupMembersView = {
  group: { slug: string; name: string };
  isOwner: boolean;
  /** Whether the reader may leave (members other than the owner). */
  canLeave: boolean;
  members: { userId: string; name: string; isOwner: boolean }[];
  /** For the owner only: pending join requests and invitations, and the people they may invite. */
  requests: { id: string; name: string; organizationName: string }[];
  invitations: { id: string; name: string }[];
  invitees: { id: string; name: string; organizationName: string }[];
};

/**
 * A group's members, for its members only (404 otherwise, as for its threads). The owner also
 * gets the pending requests and invitations and the people they may invite (`groupInviteesWhere`,
 * without members and people already pending).
 */
export async function getGroupMembers(actor: Actor, slug: string): Promise<GroupMembersView> {
  const group = await loadGroupForMember(actor, slug);
  const isOwner = can(actor, "manage:community-group", group.resource);
  const db = getDb();
  const [members, pending] = await Promise.all([
    db.spaceMember.findMany({
      where: { spaceId: group.id },
      orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      select: { userId: true, role: true, user: { select: { name: true } } },
    }),
    isOwner
      ? db.groupAdmission.findMany({
          where: { spaceId: group.id, status: "PENDING" },
          orderBy: { createdAt: "asc" },
          select: { id: true, kind: true, userId: true, user: { select: { name: true, organization: { select: { name: true } } } } },
        })
      : Promise.resolve([]),
  ]);
  const taken = [...members.map((m) => m.userId), ...pending.map((p) => p.userId)];
  const invitees = isOwner
    ? await db.user.findMany({
        where: { AND: [groupInviteesWhere(actor), { id: { notIn: taken } }] },
        orderBy: { name: "asc" },
        take: INVITEE_PICKER_LIMIT,
        select: { id: true, name: true, organization: { select: { name: true } } },
      })
    : [];
  return {
    group: { slug: group.slug, name: group.name },
    isOwner,
    canLeave: can(actor, "leave:community-group", group.resource),
    members: members.map((m) => ({ userId: m.userId, name: m.user.name, isOwner: m.role === "OWNER" })),
    requests: pending.filter((p) => p.kind === "REQUEST").map((p) => ({ id: p.id, name: p.user.name, organizationName: p.user.organization.name })),
    invitations: pending.filter((p) => p.kind === "INVITATION").map((p) => ({ id: p.id, name: p.user.name })),
    invitees: invitees.map((u) => ({ id: u.id, name: u.name, organizationName: u.organization.name })),
  };
}
