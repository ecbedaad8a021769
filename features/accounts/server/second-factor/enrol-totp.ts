import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { assertRecentSecondFactor, authorize, type Actor } from "@/server/authz/policy";
import { sealValue, TOTP_SECRET_PURPOSE, totpStep } from "@/server/auth/second-factor";
import { openTotpEnrolment } from "./totp-enrolment";
import { finishEnrolment, lockSecondFactors } from "./recovery-codes";

/**
 * Adds an authenticator app once its first code proves the person copied the secret. The session
 * counts as having proved the factor. The first factor brings ten recovery codes (returned once).
 * A person who already has a factor proves it again first (15 minutes); one app per person (409).
 */
export async function enrolTotp(
  actor: Actor,
  sessionId: string | null,
  input: { sealed: string; code: string; label: string },
  now = new Date(),
): Promise<{ factorId: string; recoveryCodes: string[] | null }> {
  authorize(actor, "update:profile:own");
  const secret = openTotpEnrolment(actor, input.sealed, now.getTime());
  const step = await totpStep(secret, input.code, now.getTime());
  if (step === null) throw new AppError("validation_failed", "errors.totpWrong", { code: ["errors.totpWrong"] });
  try {
    return await getDb().$transaction(async (tx) => {
      await lockSecondFactors(tx, actor.id);
      const existing = await tx.secondFactor.findMany({ where: { userId: actor.id }, select: { kind: true } });
      if (existing.some((f) => f.kind === "TOTP")) throw new AppError("conflict", "errors.totpExists");
      if (existing.length > 0) assertRecentSecondFactor(actor, now.getTime());
      const factor = await tx.secondFactor.create({
        data: { userId: actor.id, kind: "TOTP", label: input.label, secret: sealValue(secret, TOTP_SECRET_PURPOSE), lastStep: step, lastUsedAt: now },
        select: { id: true },
      });
      return finishEnrolment(tx, actor, { factorId: factor.id, kind: "TOTP", first: existing.length === 0 }, sessionId, now);
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
