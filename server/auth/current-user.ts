import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getDb, type Locale, type Role } from "../db/client";
import { sessionRoles, type Actor } from "../authz/policy";
import { SESSION_ABSOLUTE_SECONDS, sessionCookieName } from "./session-config";
import { SESSION_TOUCH_AFTER_MS, touchUserSession } from "./user-sessions";
import { decodeSessionToken } from "./session-token";

export type SessionUser = Actor & {
  name: string;
  email: string;
  locale: Locale;
  /** Low-data mode as stored ("auto" | "on" | "off", decision 035), read with the session: pages ask it without a query of their own. */
  lowData?: string;
  /** Roles kept back until the person enrols a second factor (decision 052); empty for most. */
  withheldRoles?: Role[];
  /** Whether the person has a second factor enrolled. */
  hasSecondFactor?: boolean;
};

/**
 * A session that gave the password but not yet the second factor the person has enrolled: it reaches
 * only the second-factor step (and signing out), never the app.
 */
export type PendingSecondFactor = { userId: string; sessionId: string; name: string; email: string; locale: Locale };

export type SessionState = { kind: "signed-in"; user: SessionUser } | { kind: "second-factor"; pending: PendingSecondFactor };

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
 * Resolves a session token: the signed-in user, a session still owing its second factor, or null
 * when the session has ended: expired (absolute lifetime), signed out on that device (the session
 * row revoked), ended everywhere (session version bumped), the account disabled or locked.
 */
export async function resolveSessionState(raw: string, now = Date.now()): Promise<SessionState | null> {
  const claims = await readSessionClaims(raw);
  if (!claims) return null;
  if (now / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  // Every signed-in request runs this, so it is one round trip: the user joined to the session row
  // (so a revoked or another user's session finds nothing), where they work, their roles and whether
  // they have a second factor. Prisma would read each relation with a query of its own.
  const [user] = await getDb().$queryRaw<SessionRow[]>`
    SELECT u."id", u."name", u."email", u."locale"::text AS "locale", u."lowData", u."status"::text AS "status", u."lockedAt",
           u."sessionVersion", u."organizationId", o."hromadaId", h."regionId", s."lastSeenAt", s."secondFactorAt",
           ARRAY(SELECT r."role"::text FROM "UserRole" r WHERE r."userId" = u."id" ORDER BY r."role") AS "roles",
           EXISTS(SELECT 1 FROM "SecondFactor" f WHERE f."userId" = u."id") AS "hasSecondFactor"
    FROM "User" u
    JOIN "UserSession" s ON s."id" = ${claims.sid} AND s."userId" = u."id" AND s."revokedAt" IS NULL
    JOIN "Organization" o ON o."id" = u."organizationId"
    JOIN "Hromada" h ON h."id" = o."hromadaId"
    WHERE u."id" = ${claims.uid}`;
  if (!user || user.status !== "ACTIVE" || user.lockedAt || user.sessionVersion !== claims.sv) return null;
  if (new Date(user.lastSeenAt).getTime() < now - SESSION_TOUCH_AFTER_MS) await touchUserSession(claims.sid, new Date(now));
  if (user.hasSecondFactor && !user.secondFactorAt) {
    return { kind: "second-factor", pending: { userId: user.id, sessionId: claims.sid, name: user.name, email: user.email, locale: user.locale } };
  }
  const { roles, withheld } = sessionRoles(user.roles, user.hasSecondFactor);
  return {
    kind: "signed-in",
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      lowData: user.lowData,
      roles,
      withheldRoles: withheld,
      hasSecondFactor: user.hasSecondFactor,
      secondFactorAt: user.secondFactorAt ? new Date(user.secondFactorAt).getTime() : null,
      organizationId: user.organizationId,
      hromadaId: user.hromadaId,
      regionId: user.regionId,
    },
  };
}

/** The signed-in user of a session token, or null (ended, or still owing its second factor). */
export async function resolveSession(raw: string, now = Date.now()): Promise<SessionUser | null> {
  const state = await resolveSessionState(raw, now);
  return state?.kind === "signed-in" ? state.user : null;
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
  secondFactorAt: Date | null;
  roles: Role[];
  hasSecondFactor: boolean;
};

/** This request's session (memoised per request): signed in, owing the second factor, or none. */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? resolveSessionState(raw) : null;
});

/** The signed-in user for this request (memoised per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const state = await getSessionState();
  return state?.kind === "signed-in" ? state.user : null;
});

/** The server-side session (`UserSession` id) of this request's cookie, or null: which device this is. */
export async function currentSessionId(): Promise<string | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? ((await readSessionClaims(raw))?.sid ?? null) : null;
}

/** Whose session this request is, for proving the second factor: one still owing it, or a signed-in one proving it again. */
export type SecondFactorSession = { userId: string; sessionId: string };

export async function getSecondFactorSession(): Promise<SecondFactorSession | null> {
  const state = await getSessionState();
  if (state?.kind === "second-factor") return { userId: state.pending.userId, sessionId: state.pending.sessionId };
  if (state?.kind !== "signed-in") return null;
  const sessionId = await currentSessionId();
  return sessionId ? { userId: state.user.id, sessionId } : null;
}
