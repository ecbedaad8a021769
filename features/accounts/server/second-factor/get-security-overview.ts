import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, hasRecentSecondFactor, type Actor } from "@/server/authz/policy";
import type { Role } from "@/server/db/client";

export type SecondFactorDto = { id: string; kind: "TOTP" | "PASSKEY"; label: string; createdAt: Date; lastUsedAt: Date | null };
export type SecurityOverview = {
  factors: SecondFactorDto[];
  /** Unused recovery codes left (of ten). */
  recoveryCodesLeft: number;
  /** Roles the person acts without until they enrol (admins and methodologists). */
  withheldRoles: Role[];
  /** Whether this session proved the second factor in the last 15 minutes (removing one, new codes). */
  recentlyProved: boolean;
};

/** The actor's own second factors as the security page shows them: never a secret, a key or a code. */
export async function getSecurityOverview(actor: Actor & { withheldRoles?: Role[] }): Promise<SecurityOverview> {
  authorize(actor, "read:profile:own");
  const db = getDb();
  const [factors, recoveryCodesLeft] = await Promise.all([
    db.secondFactor.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, label: true, createdAt: true, lastUsedAt: true },
    }),
    db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  return { factors, recoveryCodesLeft, withheldRoles: actor.withheldRoles ?? [], recentlyProved: hasRecentSecondFactor(actor) };
}
