import "server-only";
import type { Prisma } from "@/server/db/client";
import { hashRecoveryCode, newRecoveryCodes } from "@/server/auth/second-factor";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/policy";

type Tx = Prisma.TransactionClient;

/**
 * Serialises a person's second-factor changes: the user row is locked for the rest of the
 * transaction, so two enrolments at once cannot both find "no recovery codes yet" and issue twenty.
 */
export async function lockSecondFactors(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

/** Replaces every recovery code of the person with ten new ones; returns them (shown once, kept only as hashes). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** At the first factor: ten codes when the person has none left unused; null when they still have some. */
export async function issueRecoveryCodesIfNone(tx: Tx, userId: string): Promise<string[] | null> {
  const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
  return left > 0 ? null : replaceRecoveryCodes(tx, userId);
}

/**
 * The end of every enrolment, in its transaction: recovery codes when it is the first factor, the
 * audit entry, and this session counted as having proved the factor (the new one just did).
 */
export async function finishEnrolment(
  tx: Tx,
  actor: Actor,
  enrolled: { factorId: string; kind: "TOTP" | "PASSKEY"; first: boolean },
  sessionId: string | null,
  now: Date,
): Promise<{ factorId: string; recoveryCodes: string[] | null }> {
  const recoveryCodes = await issueRecoveryCodesIfNone(tx, actor.id);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "auth.second-factor.enrolled",
    targetType: "SecondFactor",
    targetId: enrolled.factorId,
    regionId: actor.regionId,
    detail: { kind: enrolled.kind, first: enrolled.first },
  });
  if (sessionId) await tx.userSession.updateMany({ where: { id: sessionId, userId: actor.id, revokedAt: null }, data: { secondFactorAt: now } });
  return { factorId: enrolled.factorId, recoveryCodes };
}
