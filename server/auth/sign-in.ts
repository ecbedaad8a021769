import "server-only";
import { getDb } from "../db/client";
import { rateLimited } from "../errors";
import { getDummyHash, verifyPassword } from "./password";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 10;
/** NIST SP 800-63B: lock after at most 100 consecutive failures; a password reset unlocks. */
export const LOCK_AFTER_FAILURES = 100;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws 429 when this account has failed 10 times from this address in the last 15 minutes. */
export async function assertSignInAllowed(emailInput: string, ip: string, now = new Date()): Promise<void> {
  const email = normaliseEmail(emailInput);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = await getDb().signInFailure.findMany({
    where: { email, ip, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: THROTTLE_MAX_FAILURES,
  });
  if (failures.length >= THROTTLE_MAX_FAILURES) {
    const oldest = failures[0]!.createdAt.getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
    throw rateLimited("Too many failed sign-in attempts. Wait a few minutes and try again.", retryAfter);
  }
}

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "locked" };

/** Checks a password; records failures for the throttle and the lockout. */
export async function verifySignIn(emailInput: string, password: string, ip: string): Promise<SignInResult> {
  const db = getDb();
  const email = normaliseEmail(emailInput);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, lockedAt: true, sessionVersion: true },
  });
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDummyHash(), password).then(() => false);

  if (user?.lockedAt) return { ok: false, reason: "locked" };
  if (user && passwordOk && user.status === "ACTIVE") {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0 } });
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
      return { ok: false, reason: "locked" };
    }
  }
  return { ok: false, reason: "invalid" };
}

/** Old throttle rows are of no use after the window; pruned opportunistically. */
export async function pruneSignInFailures(now = new Date()): Promise<void> {
  await getDb().signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
}
