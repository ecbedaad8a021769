import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { hashLinkToken } from "@/server/tokens";

export type InvitationPreview = { email: string; name: string; organization: string };

async function findUsableInvitation(token: string) {
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { organization: { select: { name: true, hromada: { select: { regionId: true } } } } },
  });
  if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
    return null;
  }
  return invitation;
}

/** For the accept page: who the invitation is for, or null when the link is no longer valid. */
export async function getInvitationPreview(token: string): Promise<InvitationPreview | null> {
  const invitation = await findUsableInvitation(token);
  return invitation ? { email: invitation.email, name: invitation.name, organization: invitation.organization.name } : null;
}

/** Creates the account from a valid invitation; the link works once. */
export async function acceptInvitation(token: string, password: string): Promise<{ email: string }> {
  const invitation = await findUsableInvitation(token);
  if (!invitation) throw new AppError("not_found", "errors.invitationInvalid");
  const passwordHash = await hashPassword(password);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "errors.invitationInvalid");
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) throw new AppError("conflict", "errors.emailTaken");
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: invitation.name,
        position: invitation.position,
        organizationId: invitation.organizationId,
        locale: invitation.locale,
        passwordHash,
        roles: { create: invitation.roles.map((role) => ({ role })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "invitation.accepted",
      targetType: "User",
      targetId: user.id,
      regionId: invitation.organization.hromada.regionId,
      detail: { invitationId: invitation.id, roles: invitation.roles.join(",") },
    });
  });
  return { email: invitation.email };
}
