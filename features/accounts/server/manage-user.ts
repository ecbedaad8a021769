import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, usersWhere, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";

export type UserAction = "disable" | "enable" | "sign-out-everywhere";

/**
 * An admin's or a methodologist's action on an account in their scope; disabling and "sign out
 * everywhere" end the user's sessions. Recorded in the audit trail in the same transaction.
 */
export async function manageUser(actor: Actor, userId: string, action: UserAction): Promise<{ status: string }> {
  const db = getDb();
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersWhere(actor)] },
    select: { id: true, status: true, roles: { select: { role: true } }, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  if (!target) throw new AppError("not_found", "errors.userNotFound");
  // An erased account stays erased (decision 051; a trigger refuses it too): a returning person is invited anew.
  if (target.status === "ERASED") throw new AppError("conflict", "errors.userAlreadyErased");
  authorize(actor, "manage:user", {
    userId: target.id,
    regionId: target.organization.hromada.regionId,
    roles: target.roles.map((r) => r.role),
  });
  const data =
    action === "disable"
      ? { status: "DISABLED" as const, sessionVersion: { increment: 1 } }
      : action === "enable"
        ? { status: "ACTIVE" as const }
        : { sessionVersion: { increment: 1 } };
  const regionId = target.organization.hromada.regionId;
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data, select: { status: true } });
    await recordAudit(
      tx,
      action === "sign-out-everywhere"
        ? { actorId: actor.id, action: "user.sessions-ended", targetType: "User", targetId: userId, regionId }
        : {
            actorId: actor.id,
            action: "user.status-changed",
            targetType: "User",
            targetId: userId,
            regionId,
            detail: { from: target.status, to: updated.status, sessionsEnded: action === "disable" },
          },
    );
    return { status: updated.status };
  });
}
