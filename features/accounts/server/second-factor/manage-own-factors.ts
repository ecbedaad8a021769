import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { assertRecentSecondFactor, authorize, ROLES_NEEDING_SECOND_FACTOR, type Actor } from "@/server/authz/policy";
import { lockSecondFactors, replaceRecoveryCodes } from "./recovery-codes";
import { recordAudit } from "@/server/audit/record-audit";

/**
 * Removes one of the actor's own factors after proving the second factor again (15 minutes). An
 * admin's or a methodologist's last factor stays (409: add another first); anyone else's last one
 * takes the recovery codes with it. Another person's factor is not found.
 */
export async function removeSecondFactor(actor: Actor, factorId: string, now = Date.now()): Promise<void> {
  authorize(actor, "update:profile:own");
  assertRecentSecondFactor(actor, now);
  await getDb().$transaction(async (tx) => {
    await lockSecondFactors(tx, actor.id);
    const factors = await tx.secondFactor.findMany({ where: { userId: actor.id }, select: { id: true, kind: true } });
    const factor = factors.find((f) => f.id === factorId);
    if (!factor) throw new AppError("not_found", "errors.secondFactorNotFound");
    if (factors.length === 1) {
      const roles = await tx.userRole.findMany({ where: { userId: actor.id }, select: { role: true } });
      if (roles.some((r) => ROLES_NEEDING_SECOND_FACTOR.includes(r.role))) throw new AppError("conflict", "errors.lastSecondFactor");
      await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    }
    await tx.secondFactor.delete({ where: { id: factorId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "auth.second-factor.removed",
      targetType: "SecondFactor",
      targetId: factorId,
      regionId: actor.regionId,
      detail: { kind: factor.kind, last: factors.length === 1 },
    });
  });
}

/** Ten new recovery codes in place of the old ones (all of which stop working), after proving the second factor again. */
export async function regenerateRecoveryCodes(actor: Actor, now = Date.now()): Promise<string[]> {
  authorize(actor, "update:profile:own");
  assertRecentSecondFactor(actor, now);
  return getDb().$transaction(async (tx) => {
    await lockSecondFactors(tx, actor.id);
    if ((await tx.secondFactor.count({ where: { userId: actor.id } })) === 0) throw new AppError("conflict", "errors.noSecondFactor");
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, { actorId: actor.id, action: "auth.recovery-codes.regenerated", targetType: "User", targetId: actor.id, regionId: actor.regionId });
    return codes;
  });
}
