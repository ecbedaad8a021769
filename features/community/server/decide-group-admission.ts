import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { can, authorize, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";
import { toSpaceResource } from "./load-space";
import { notifyGroup } from "./notify-groups";

/**
 * Accepts or declines a pending invitation (the person invited) or join request (the group's
 * owner). Decided once, by a compare-and-set on `status = 'PENDING'`: of an accept and a decline at
 * once one wins and the other answers 409. Accepting adds the member in the same transaction;
 * the requester learns the owner's answer, the owner that an invitation was accepted.
 */
export async function decideGroupAdmission(actor: Actor, admissionId: string, decision: "accept" | "decline") {
  const db = getDb();
  const row = await db.groupAdmission.findUnique({
    where: { id: admissionId },
    select: {
      id: true,
      kind: true,
      userId: true,
      spaceId: true,
      space: {
        select: { slug: true, name: true, kind: true, regionId: true, ownerId: true, members: { where: { userId: actor.id }, select: { userId: true } } },
      },
    },
  });
  const kind: "INVITATION" | "REQUEST" = row?.kind === "INVITATION" ? "INVITATION" : "REQUEST";
  const resource = row ? { kind, userId: row.userId, space: toSpaceResource(row.space) } : null;
  // Only the two sides know an invitation or request exists: anyone else gets 404.
  const isParty = resource !== null && (resource.userId === actor.id || can(actor, "manage:community-group", resource.space));
  if (!row || !resource || !isParty) throw new AppError("not_found", "errors.admissionNotFound");
  authorize(actor, "decide:group-admission", resource);
  const status = decision === "accept" ? "ACCEPTED" : "DECLINED";
  return db.$transaction(async (tx) => {
    const { count } = await tx.groupAdmission.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status, decidedAt: new Date(), decidedById: actor.id },
    });
    if (count === 0) throw new AppError("conflict", "errors.admissionDecided");
    if (status === "ACCEPTED") {
      await tx.spaceMember.createMany({ data: [{ spaceId: row.spaceId, userId: row.userId, role: "MEMBER" }], skipDuplicates: true });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "community.group-member-added",
        targetType: "CommunitySpace",
        targetId: row.spaceId,
        regionId: row.space.regionId,
        detail: { userId: row.userId, via: kind === "INVITATION" ? "invitation" : "request" },
      });
    }
    const group = { name: row.space.name };
    if (kind === "REQUEST")
      await notifyGroup(
        tx,
        actor,
        row.userId,
        status === "ACCEPTED" ? "group.requestAccepted" : "group.requestDeclined",
        group,
        status === "ACCEPTED" ? `/community/${row.space.slug}` : "/community",
      );
    else if (status === "ACCEPTED" && row.space.ownerId)
      await notifyGroup(tx, actor, row.space.ownerId, "group.invitationAccepted", group, `/community/${row.space.slug}/members`);
    return { status };
  });
}
