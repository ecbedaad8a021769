import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";
import { loadGroupForMember } from "./load-group";

/**
 * A member leaves a group (their own id), or the owner removes a member. The owner cannot leave
 * (409): the group would have no one to admit people. Their posts stay; their access goes at once,
 * and with it their notifications (`spaceReadersWhere`).
 */
export async function removeGroupMember(actor: Actor, slug: string, userId: string) {
  const group = await loadGroupForMember(actor, slug);
  if (userId === actor.id) {
    if (group.ownerId === actor.id) throw new AppError("conflict", "errors.ownerCannotLeave");
    authorize(actor, "leave:community-group", group.resource);
  } else {
    authorize(actor, "manage:community-group", group.resource);
  }
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.spaceMember.deleteMany({ where: { spaceId: group.id, userId, role: "MEMBER" } });
    if (count === 0) throw new AppError("not_found", "errors.groupMemberNotFound");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.group-member-removed",
      targetType: "CommunitySpace",
      targetId: group.id,
      regionId: group.resource.regionId,
      detail: { userId, left: userId === actor.id },
    });
  });
  return { ok: true as const };
}
