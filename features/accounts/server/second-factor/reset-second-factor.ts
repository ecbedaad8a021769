import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { assertRecentSecondFactor, authorize, usersWhere, type Actor } from "@/server/authz/policy";
import { sendMail } from "@/server/mail";
import { isLocale } from "@/server/i18n";
import { appLink, renderMail } from "../mail-templates";
import { recordAudit } from "@/server/audit/record-audit";

/**
 * An admin removes every second factor and recovery code of a person who lost them all (never their
 * own), after proving their own second factor within 15 minutes. The person's sessions end, they
 * sign in with the password and, if their role needs it, enrol again; they are told by mail, so a
 * reset they did not ask for does not go unnoticed.
 */
export async function resetSecondFactor(actor: Actor, userId: string, now = Date.now()): Promise<{ removed: number }> {
  const db = getDb();
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersWhere(actor)] },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      roles: { select: { role: true } },
      organization: { select: { hromada: { select: { regionId: true } } } },
    },
  });
  if (!target) throw new AppError("not_found", "errors.userNotFound");
  authorize(actor, "reset:second-factor", { userId: target.id, regionId: target.organization.hromada.regionId, roles: target.roles.map((r) => r.role) });
  assertRecentSecondFactor(actor, now);
  const removed = await db.$transaction((tx) => removeEverySecondFactor(tx, { userId: target.id, regionId: target.organization.hromada.regionId }, actor.id));
  if (removed === 0) throw new AppError("conflict", "errors.noSecondFactorToReset");
  const locale = isLocale(target.locale) ? target.locale : "uk";
  await sendMail({ to: target.email, ...(await renderMail("secondFactorReset", locale, { name: target.name, link: appLink("/profile/security") })) });
  return { removed };
}

/**
 * Removes every factor and recovery code of a person and ends their sessions, recorded in the audit
 * trail (by an admin, or by the operator's script when `actorId` is null). Returns how many factors went.
 */
export async function removeEverySecondFactor(
  tx: Prisma.TransactionClient,
  person: { userId: string; regionId: string },
  actorId: string | null,
): Promise<number> {
  const { count } = await tx.secondFactor.deleteMany({ where: { userId: person.userId } });
  await tx.recoveryCode.deleteMany({ where: { userId: person.userId } });
  if (count === 0) return 0;
  await tx.user.update({ where: { id: person.userId }, data: { sessionVersion: { increment: 1 } } });
  await recordAudit(tx, {
    actorId,
    action: "auth.second-factor.reset",
    targetType: "User",
    targetId: person.userId,
    regionId: person.regionId,
    detail: { factors: count, by: actorId ? "admin" : "operator" },
  });
  return count;
}

/** The operator's reset (scripts/reset-second-factor.ts): by e-mail, for the last admin who lost every factor. */
export async function resetSecondFactorAsOperator(db: ReturnType<typeof getDb>, emailInput: string): Promise<number> {
  const email = emailInput.trim().toLowerCase();
  if (!email) throw new Error("Name the account: npm run second-factor:reset -- <email>");
  const user = await db.user.findUnique({ where: { email }, select: { id: true, organization: { select: { hromada: { select: { regionId: true } } } } } });
  if (!user) throw new Error(`No account has the address ${email}.`);
  return db.$transaction((tx) => removeEverySecondFactor(tx, { userId: user.id, regionId: user.organization.hromada.regionId }, null));
}
