import "server-only";
import { getDb, type Prisma, type Role } from "@/server/db/client";
import { assertRecentSecondFactor, authorize, invitationsWhere, organizationsWhere, ROLES_NEEDING_SECOND_FACTOR, type Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { recordAudits } from "@/server/audit/record-audit";
import { sendMail } from "@/server/mail";
import { createLinkToken } from "@/server/tokens";
import type { TInvitationCreate, TInvitationDto } from "../schemas";
import { appLink, renderMail } from "./mail-templates";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Addresses among `emails` with a live pending invitation the actor may not revoke (another
 * region's, when the actor is a methodologist). Inviting such an address again would cancel
 * someone else's invitation without their knowing, so it is refused instead.
 */
export async function findEmailsInvitedOutOfReach(db: Prisma.TransactionClient, actor: Actor, emails: string[], now = new Date()): Promise<Set<string>> {
  const pending = await db.invitation.findMany({
    where: { email: { in: emails }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true },
  });
  if (pending.length === 0) return new Set();
  const revocable = await db.invitation.findMany({
    where: { AND: [{ id: { in: pending.map((p) => p.id) } }, invitationsWhere(actor)] },
    select: { id: true },
  });
  const reachable = new Set(revocable.map((r) => r.id));
  return new Set(pending.filter((p) => !reachable.has(p.id)).map((p) => p.email));
}

/**
 * Creates invitations and mails their links. All rows are checked first and written in one
 * transaction, so a bad row never leaves half of a batch behind. Used by the single invite form
 * and by the CSV import.
 */
export async function createInvitations(actor: Actor, rows: TInvitationCreate[]): Promise<TInvitationDto[]> {
  const db = getDb();
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const orgs = await db.organization.findMany({
    where: { AND: [{ id: { in: orgIds } }, organizationsWhere(actor)] },
    select: { id: true, name: true, hromada: { select: { regionId: true } } },
  });
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  for (const row of rows) {
    const org = orgById.get(row.organizationId);
    if (!org) throw new AppError("not_found", "errors.organizationNotFound", { organizationId: ["errors.organizationNotFound"] });
    authorize(actor, "create:invitation", { regionId: org.hromada.regionId, roles: row.roles as Role[] });
  }
  // Handing out a methodologist's or an admin's role is a role change that opens a region's data:
  // the inviter proves their second factor within the last 15 minutes (decision 052).
  if (rows.some((row) => row.roles.some((role) => ROLES_NEEDING_SECOND_FACTOR.includes(role)))) assertRecentSecondFactor(actor);
  const emails = rows.map((r) => r.email);
  const existing = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  if (existing.length > 0) {
    throw new AppError("conflict", "errors.emailTaken", { email: ["errors.emailTaken"] });
  }

  const now = Date.now();
  const prepared = rows.map((row) => ({ row, ...createLinkToken(), expiresAt: new Date(now + INVITATION_TTL_MS) }));
  const created = await db.$transaction(async (tx) => {
    // A new invitation replaces the earlier pending ones for the address that the actor may
    // revoke; one out of the actor's reach stays, and the address is refused (409).
    if ((await findEmailsInvitedOutOfReach(tx, actor, emails, new Date(now))).size > 0) {
      throw new AppError("conflict", "errors.invitationPendingElsewhere", { email: ["errors.invitationPendingElsewhere"] });
    }
    await tx.invitation.updateMany({
      where: { AND: [{ email: { in: emails }, acceptedAt: null, revokedAt: null }, invitationsWhere(actor)] },
      data: { revokedAt: new Date(now) },
    });
    const result = [];
    for (const p of prepared) {
      result.push(
        await tx.invitation.create({
          data: {
            email: p.row.email,
            name: p.row.name,
            position: p.row.position,
            organizationId: p.row.organizationId,
            roles: p.row.roles,
            locale: p.row.locale,
            tokenHash: p.tokenHash,
            invitedById: actor.id,
            expiresAt: p.expiresAt,
          },
          select: { id: true, email: true, name: true, expiresAt: true },
        }),
      );
    }
    await recordAudits(
      tx,
      result.map((inv, i) => ({
        actorId: actor.id,
        action: "invitation.created" as const,
        targetType: "Invitation",
        targetId: inv.id,
        regionId: orgById.get(prepared[i]!.row.organizationId)!.hromada.regionId,
        detail: { roles: prepared[i]!.row.roles.join(",") },
      })),
    );
    return result;
  });

  for (const p of prepared) {
    const org = orgById.get(p.row.organizationId)!;
    const mail = await renderMail("invitation", p.row.locale, {
      name: p.row.name,
      organization: org.name,
      link: appLink(`/invitation?token=${p.token}`),
    });
    await sendMail({ to: p.row.email, ...mail });
  }
  return created.map((c) => ({ id: c.id, email: c.email, name: c.name, expiresAt: c.expiresAt.toISOString() }));
}
