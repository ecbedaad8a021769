import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashRecoveryCode, openValue, TOTP_SECRET_PURPOSE, totpStep } from "@/server/auth/second-factor";
import { assertSecondFactorAllowed, recordSecondFactorFailure } from "@/server/auth/sign-in";
import type { SecondFactorSession } from "@/server/auth/current-user";
import { checkPasskeyProof } from "./passkeys";
import { auditAddress, recordAudit } from "@/server/audit/record-audit";

export type SecondFactorProof =
  { method: "totp"; code: string } | { method: "recovery"; code: string } | { method: "passkey"; response: AuthenticationResponseJSON };

/**
 * Proves the second factor for this session — at sign-in, or again before a sensitive action. Each
 * proof counts once: an app's code only for a later 30-second step than the last one accepted, a
 * recovery code only while unused (both compare-and-set updates), a passkey only against the
 * session's open challenge. Ten failures in 15 minutes: 429. The session comes from the request's
 * cookie (getSecondFactorSession), never from the caller's say-so.
 */
export async function proveSecondFactor(
  session: SecondFactorSession,
  proof: SecondFactorProof,
  request: { ip: string; origin: string },
  now = new Date(),
): Promise<{ recoveryCodesLeft: number | null }> {
  await assertSecondFactorAllowed(session.userId, now);
  const db = getDb();
  const proved = await db.$transaction(async (tx) => {
    let ok = false;
    if (proof.method === "totp") {
      const apps = await tx.secondFactor.findMany({ where: { userId: session.userId, kind: "TOTP" }, select: { id: true, secret: true } });
      for (const app of apps) {
        const secret = app.secret ? openValue(app.secret, TOTP_SECRET_PURPOSE) : null;
        const step = secret ? await totpStep(secret, proof.code, now.getTime()) : null;
        if (step === null) continue;
        const { count } = await tx.secondFactor.updateMany({
          where: { id: app.id, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
          data: { lastStep: step, lastUsedAt: now },
        });
        ok = count === 1;
      }
    } else if (proof.method === "recovery") {
      const { count } = await tx.recoveryCode.updateMany({
        where: { userId: session.userId, codeHash: hashRecoveryCode(proof.code), usedAt: null },
        data: { usedAt: now },
      });
      ok = count === 1;
    } else {
      ok = await checkPasskeyProof(tx, session, request.origin, proof.response, now);
    }
    if (ok) {
      await tx.userSession.updateMany({ where: { id: session.sessionId, userId: session.userId, revokedAt: null }, data: { secondFactorAt: now } });
      await recordAudit(tx, {
        ...(await auditTarget(tx, session.userId)),
        action: "auth.second-factor.proved",
        detail: { method: proof.method, ip: auditAddress(request.ip) },
      });
    }
    return ok;
  });
  if (!proved) {
    await recordSecondFactorFailure(session.userId, request.ip);
    await recordAudit(db, {
      ...(await auditTarget(db, session.userId)),
      action: "auth.second-factor.failed",
      detail: { method: proof.method, ip: auditAddress(request.ip) },
    });
    throw new AppError("validation_failed", "errors.secondFactorWrong", proof.method === "passkey" ? undefined : { code: ["errors.secondFactorWrong"] });
  }
  const recoveryCodesLeft = proof.method === "recovery" ? await db.recoveryCode.count({ where: { userId: session.userId, usedAt: null } }) : null;
  return { recoveryCodesLeft };
}

/** The person proving is both who acts and what is acted on; their region for the admins' filter. */
async function auditTarget(db: Pick<Prisma.TransactionClient, "user">, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { organization: { select: { hromada: { select: { regionId: true } } } } } });
  return { actorId: userId, targetType: "User", targetId: userId, regionId: user?.organization.hromada.regionId ?? null };
}
