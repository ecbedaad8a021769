import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getDb, type Locale, type Role } from "../db/client";
import { getAuthSecret } from "../env";
import type { Actor } from "../authz/policy";
import { SESSION_ABSOLUTE_SECONDS, sessionCookieName } from "./session-config";
import { SESSION_TOUCH_AFTER_MS, touchUserSession } from "./user-sessions";

export type SessionUser = Actor & {
  name: string;
  email: string;
  locale: Locale;
  /** Low-data mode as stored ("auto" | "on" | "off", decision 035), read with the session: pages ask it without a query of their own. */
  lowData?: string;
};

/** What a session token says: user, session version, sign-in time and the server-side session id. */
export type SessionClaims = { uid: string; sv: number; authTime: number; sid: string };

/** Reads a session token; tokens issued before server-side sessions (no `sid`) are not sessions. */
export async function readSessionClaims(raw: string): Promise<SessionClaims | null> {
  try {
    const payload = await decode({ token: raw, secret: getAuthSecret() });
    if (!payload) return null;
    const { uid, sv, authTime, sid } = payload as Record<string, unknown>;
    if (typeof uid !== "string" || typeof sv !== "number" || typeof authTime !== "number" || typeof sid !== "string") return null;
    return { uid, sv, authTime, sid };
  } catch {
    return null;
  }
}

/**
 * Resolves a session token to the user, or null when the session has ended: expired (absolute
 * lifetime), signed out on that device (the session row revoked), ended everywhere (session
 * version bumped), the account disabled or locked.
 */
export async function resolveSession(raw: string, now = Date.now()): Promise<SessionUser | null> {
  const claims = await readSessionClaims(raw);
  if (!claims) return null;
  if (now / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  const staleBefore = new Date(now - SESSION_TOUCH_AFTER_MS);
  // The session row is checked inside the user's own query (an EXISTS in its WHERE, and a
  // counted join saying whether lastSeenAt is stale), so revocation costs no extra round trip;
  // selecting `sessions` as a relation would be a query of its own.
  const user = await getDb().user.findUnique({
    where: { id: claims.uid, sessions: { some: { id: claims.sid, revokedAt: null } } },
    select: {
      _count: { select: { sessions: { where: { id: claims.sid, lastSeenAt: { lt: staleBefore } } } } },
      id: true,
      name: true,
      email: true,
      locale: true,
      lowData: true,
      status: true,
      lockedAt: true,
      sessionVersion: true,
      organizationId: true,
      roles: { select: { role: true } },
      organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } },
    },
  });
  if (!user || user.status !== "ACTIVE" || user.lockedAt || user.sessionVersion !== claims.sv) return null;
  if (user._count.sessions > 0) await touchUserSession(claims.sid, new Date(now));
  const roles: Role[] = user.roles.map((r) => r.role);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    lowData: user.lowData,
    roles,
    organizationId: user.organizationId,
    hromadaId: user.organization.hromadaId,
    regionId: user.organization.hromada.regionId,
  };
}

/** The signed-in user for this request (memoised per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? resolveSession(raw) : null;
});
