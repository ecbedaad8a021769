import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, usersWhere, type Actor } from "@/server/authz/policy";

export type UserAction = "disable" | "enable" | "sign-out-everywhere";

/** An admin's or a methodologist's action on an account in their scope. Each ends the user's sessions. */
export async function manageUser(actor: Actor, userId: string, action: UserAction): Promise<{ status: string }> {
  const db = getDb();
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersWhere(actor)] },
    select: { id: true, roles: { select: { role: true } }, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  if (!target) throw new AppError("not_found", "errors.userNotFound");
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
  const updated = await db.user.update({ where: { id: userId }, data, select: { status: true } });
  await db.auditEntry.create({ data: { actorId: actor.id, action: `user.${action}`, targetType: "User", targetId: userId } });
  return { status: updated.status };
}
