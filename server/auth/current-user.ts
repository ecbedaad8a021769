import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getDb, type Locale, type Role } from "../db/client";
import type { Actor } from "../authz/policy";
import { SESSION_ABSOLUTE_SECONDS, sessionCookieName } from "./session-config";
import { SESSION_TOUCH_AFTER_MS, touchUserSession } from "./user-sessions";
import { decodeSessionToken } from "./session-token";

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
    const payload = await decodeSessionToken(raw);
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
  // Every signed-in request runs this, so it is one round trip: the user joined to the session row
  // (so a revoked or another user's session finds nothing), where they work, and their roles. Prisma
  // would read each relation (roles, organization, hromada) with a query of its own: four in all.
  const [user] = await getDb().$queryRaw<SessionRow[]>`
    SELECT u."id", u."name", u."email", u."locale"::text AS "locale", u."lowData", u."status"::text AS "status", u."lockedAt",
           u."sessionVersion", u."organizationId", o."hromadaId", h."regionId", s."lastSeenAt",
           ARRAY(SELECT r."role"::text FROM "UserRole" r WHERE r."userId" = u."id" ORDER BY r."role") AS "roles"
    FROM "User" u
    JOIN "UserSession" s ON s."id" = ${claims.sid} AND s."userId" = u."id" AND s."revokedAt" IS NULL
    JOIN "Organization" o ON o."id" = u."organizationId"
    JOIN "Hromada" h ON h."id" = o."hromadaId"
    WHERE u."id" = ${claims.uid}`;
  if (!user || user.status !== "ACTIVE" || user.lockedAt || user.sessionVersion !== claims.sv) return null;
  if (new Date(user.lastSeenAt).getTime() < now - SESSION_TOUCH_AFTER_MS) await touchUserSession(claims.sid, new Date(now));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    lowData: user.lowData,
    roles: user.roles,
    organizationId: user.organizationId,
    hromadaId: user.hromadaId,
    regionId: user.regionId,
  };
}

/** One row of the session's query (enums read as text). */
type SessionRow = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  lowData: string;
  status: string;
  lockedAt: Date | null;
  sessionVersion: number;
  organizationId: string;
  hromadaId: string;
  regionId: string;
  lastSeenAt: Date;
  roles: Role[];
};

/** The signed-in user for this request (memoised per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? resolveSession(raw) : null;
});

/** The server-side session (`UserSession` id) of this request's cookie, or null: which device this is. */
export async function currentSessionId(): Promise<string | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? ((await readSessionClaims(raw))?.sid ?? null) : null;
}
