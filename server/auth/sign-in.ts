import "server-only";
import { getDb } from "../db/client";
import { rateLimited, type MessageKey } from "../errors";
import { getDummyHash, verifyPassword } from "./password";
import { auditAddress, recordAudit } from "../audit/record-audit";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 10;
/** Failures for one account from any address: no header a client writes can get past this one. */
export const ACCOUNT_THROTTLE_MAX_FAILURES = 30;
/** Wrong current passwords on "change password" for one account. */
export const PASSWORD_CHANGE_MAX_FAILURES = 10;
/** NIST SP 800-63B: lock after at most 100 consecutive failures; a password reset unlocks. */
export const LOCK_AFTER_FAILURES = 100;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * SignInFailure rows for "change password" are keyed by the account id and do not count against
 * sign-in. Sign-in rows hold whatever was typed as the e-mail, but always lower-cased
 * (normaliseEmail), so this upper-case key can never be produced, or filled up, from the sign-in form.
 */
function passwordChangeKey(userId: string): string {
  return `PASSWORD-CHANGE:${userId}`;
}

/**
 * Throws 429 when `max` failures matching `where` fall inside the window; Retry-After says when
 * the oldest of them leaves it.
 */
async function assertUnderLimit(where: { email: string; ip?: string }, max: number, message: MessageKey, now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = await getDb().signInFailure.findMany({
    where: { ...where, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: max,
  });
  if (failures.length < max) return;
  const leaving = failures[failures.length - 1]!.createdAt.getTime();
  throw rateLimited(message, Math.max(1, Math.ceil((leaving + THROTTLE_WINDOW_MS - now.getTime()) / 1000)));
}

/**
 * Throws 429 when this account has failed 10 times from this address, or 30 times from any
 * address, in the last 15 minutes.
 */
export async function assertSignInAllowed(emailInput: string, ip: string, now = new Date()): Promise<void> {
  const email = normaliseEmail(emailInput);
  await assertUnderLimit({ email, ip }, THROTTLE_MAX_FAILURES, "errors.tooManySignIns", now);
  await assertUnderLimit({ email }, ACCOUNT_THROTTLE_MAX_FAILURES, "errors.tooManySignIns", now);
}

/** Throws 429 after 10 wrong current passwords for this account in 15 minutes. */
export async function assertPasswordChangeAllowed(userId: string, now = new Date()): Promise<void> {
  await assertUnderLimit({ email: passwordChangeKey(userId) }, PASSWORD_CHANGE_MAX_FAILURES, "errors.tooManyPasswordAttempts", now);
}

/** Wrong second-factor codes for one account in the window: 10, then 429 until the oldest leaves it. */
export const SECOND_FACTOR_MAX_FAILURES = 10;
const secondFactorKey = (userId: string) => `SECOND-FACTOR:${userId}`;

/** Throws 429 after 10 wrong second-factor proofs (codes, recovery codes, passkeys) for this account in 15 minutes. */
export async function assertSecondFactorAllowed(userId: string, now = new Date()): Promise<void> {
  await assertUnderLimit({ email: secondFactorKey(userId) }, SECOND_FACTOR_MAX_FAILURES, "errors.tooManySecondFactor", now);
}

export async function recordSecondFactorFailure(userId: string, ip: string): Promise<void> {
  await getDb().signInFailure.create({ data: { email: secondFactorKey(userId), ip } });
}

export async function recordPasswordChangeFailure(userId: string, ip: string): Promise<void> {
  await getDb().signInFailure.create({ data: { email: passwordChangeKey(userId), ip } });
}

export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: "invalid" | "locked" };

/** Checks a password; records failures for the throttle and the lockout. */
export async function verifySignIn(emailInput: string, password: string, ip: string): Promise<SignInResult> {
  const db = getDb();
  const email = normaliseEmail(emailInput);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      status: true,
      lockedAt: true,
      sessionVersion: true,
      organization: { select: { hromada: { select: { regionId: true } } } },
    },
  });
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDummyHash(), password).then(() => false);
  // The audit trail names the account when there is one; for an address without an account it
  // keeps only the attempt and the address it came from, never what was typed (decision 050).
  const audit = (action: "auth.sign-in" | "auth.sign-in-failed", outcome?: string) =>
    recordAudit(db, {
      actorId: user?.id ?? null,
      action,
      targetType: "account",
      targetId: user?.id ?? "unknown",
      regionId: user?.organization.hromada.regionId ?? null,
      detail: { ip: auditAddress(ip), ...(outcome ? { outcome } : {}) },
    });

  if (user?.lockedAt) {
    await audit("auth.sign-in-failed", "locked");
    return { ok: false, reason: "locked" };
  }
  if (user && passwordOk && user.status === "ACTIVE") {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
    await audit("auth.sign-in");
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  }

  await db.signInFailure.create({ data: { email, ip } });
  if (user) {
    const updated = await db.user.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    if (updated.failedSignIns >= LOCK_AFTER_FAILURES) {
      await db.user.update({ where: { id: user.id }, data: { lockedAt: new Date() } });
      await audit("auth.sign-in-failed", "locked-now");
      return { ok: false, reason: "locked" };
    }
  }
  await audit("auth.sign-in-failed", !user ? "unknown-account" : passwordOk ? "account-inactive" : "wrong-password");
  return { ok: false, reason: "invalid" };
}

/** Old throttle rows are of no use after the window; pruned opportunistically. */
export async function pruneSignInFailures(now = new Date()): Promise<void> {
  await getDb().signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
}
