import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, invitationsWhere, type Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";

export async function revokeInvitation(actor: Actor, id: string): Promise<void> {
  const db = getDb();
  const invitation = await db.invitation.findFirst({
    where: { AND: [{ id }, invitationsWhere(actor)] },
    select: { id: true, acceptedAt: true, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  if (!invitation) throw new AppError("not_found", "errors.invitationNotFound");
  authorize(actor, "revoke:invitation", { regionId: invitation.organization.hromada.regionId });
  if (invitation.acceptedAt) throw new AppError("conflict", "errors.invitationAlreadyAccepted");
  await db.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.revoked",
      targetType: "Invitation",
      targetId: id,
      regionId: invitation.organization.hromada.regionId,
    });
  });
}
