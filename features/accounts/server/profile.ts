import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { assertPasswordChangeAllowed, recordPasswordChangeFailure } from "@/server/auth/sign-in";
import type { Actor } from "@/server/authz/policy";
import { authorize } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";

export type ProfileDto = {
  name: string;
  email: string;
  position: string;
  locale: "uk" | "en";
  roles: string[];
  organization: { name: string; hromada: string; hromadaEn: string; region: string; regionEn: string };
};

export async function getProfile(actor: Actor): Promise<ProfileDto> {
  authorize(actor, "read:profile:own");
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      name: true,
      email: true,
      position: true,
      locale: true,
      roles: { select: { role: true } },
      organization: {
        select: { name: true, hromada: { select: { nameUk: true, nameEn: true, region: { select: { nameUk: true, nameEn: true } } } } },
      },
    },
  });
  return {
    name: user.name,
    email: user.email,
    position: user.position,
    locale: user.locale,
    roles: user.roles.map((r) => r.role),
    organization: {
      name: user.organization.name,
      hromada: user.organization.hromada.nameUk,
      hromadaEn: user.organization.hromada.nameEn,
      region: user.organization.hromada.region.nameUk,
      regionEn: user.organization.hromada.region.nameEn,
    },
  };
}

export async function updateProfile(
  actor: Actor,
  patch: { name?: string; position?: string; locale?: "uk" | "en" },
): Promise<{ name: string; position: string; locale: "uk" | "en" }> {
  authorize(actor, "update:profile:own");
  return getDb().user.update({ where: { id: actor.id }, data: patch, select: { name: true, position: true, locale: true } });
}

/**
 * Changes the password and ends every other session (`thisSessionId`, the device it is changed on,
 * stays signed in); returns the new session version for this device. Wrong current passwords are
 * throttled like sign-ins (10 in 15 minutes, then 429), so a borrowed session cannot be used to
 * guess the password.
 */
export async function changePassword(actor: Actor, currentPassword: string, newPassword: string, ip: string, thisSessionId: string | null): Promise<number> {
  authorize(actor, "update:profile:own");
  await assertPasswordChangeAllowed(actor.id);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordPasswordChangeFailure(actor.id, ip);
    throw new AppError("validation_failed", "errors.currentPasswordWrong", { currentPassword: ["errors.currentPasswordWrong"] });
  }
  const passwordHash = await hashPassword(newPassword);
  // Moving the session version ends every session row of the account (a database trigger) but the
  // one named here: the device the password was changed on stays signed in.
  const updated = await db.$transaction(async (tx) => {
    if (thisSessionId) await tx.$queryRaw`SELECT set_config('skh.keep_session', ${thisSessionId}, true)`;
    const changed = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "auth.password-changed", targetType: "User", targetId: actor.id, regionId: actor.regionId });
    return changed;
  });
  return updated.sessionVersion;
}

/** Ends every session of the actor, this one included. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  authorize(actor, "update:profile:own");
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "user.sessions-ended", targetType: "User", targetId: actor.id, regionId: actor.regionId });
  });
}
