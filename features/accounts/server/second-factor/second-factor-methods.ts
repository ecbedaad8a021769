import "server-only";
import { getDb } from "@/server/db/client";
import type { SecondFactorSession } from "@/server/auth/current-user";

export type SecondFactorMethods = { totp: boolean; passkey: boolean; recoveryCodesLeft: number };

/** Which ways this session's person can prove the second factor (the step page offers those). */
export async function getSecondFactorMethods(session: SecondFactorSession): Promise<SecondFactorMethods> {
  const db = getDb();
  const [factors, recoveryCodesLeft] = await Promise.all([
    db.secondFactor.findMany({ where: { userId: session.userId }, select: { kind: true } }),
    db.recoveryCode.count({ where: { userId: session.userId, usedAt: null } }),
  ]);
  return { totp: factors.some((f) => f.kind === "TOTP"), passkey: factors.some((f) => f.kind === "PASSKEY"), recoveryCodesLeft };
}
