import "server-only";
import { getDb } from "../db/client";
import { toOneLine } from "@/lib/zod-text";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_REFRESH_AFTER_SECONDS } from "./session-config";

/** `lastSeenAt` moves at most this often, so using the app writes once per 15 minutes, not per request. */
export const SESSION_TOUCH_AFTER_MS = SESSION_REFRESH_AFTER_SECONDS * 1000;

/**
 * What a session row must show to be still open at `at` (besides not being revoked): used within
 * the idle lifetime — `lastSeenAt` moves at most every SESSION_TOUCH_AFTER_MS — and signed in within
 * the absolute one. The list of signed-in devices and the retention purge read sessions by these.
 */
export function openSessionLimits(at: Date): { lastSeenAfter: Date; createdAfter: Date } {
  return {
    lastSeenAfter: new Date(at.getTime() - SESSION_IDLE_SECONDS * 1000 - SESSION_TOUCH_AFTER_MS),
    createdAfter: new Date(at.getTime() - SESSION_ABSOLUTE_SECONDS * 1000),
  };
}

/** Starts a server-side session at sign-in; its id goes into the token as `sid`. */
export async function createUserSession(userId: string, device: { userAgent?: string | null; ip?: string | null }): Promise<string> {
  const ip = device.ip ? toOneLine(device.ip, 64) : "";
  const row = await getDb().userSession.create({
    data: { userId, userAgent: toOneLine(device.userAgent ?? "", 200), ip: ip && ip !== "local" ? ip : null },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session on the server: a copy of its token is refused from now on. */
export async function revokeUserSession(userId: string, sessionId: string, now = new Date()): Promise<void> {
  await getDb().userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
}

/** Records that the session is in use; conditional, so concurrent requests write at most once. */
export async function touchUserSession(sessionId: string, now = new Date()): Promise<void> {
  await getDb().userSession.updateMany({
    where: { id: sessionId, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - SESSION_TOUCH_AFTER_MS) } },
    data: { lastSeenAt: now },
  });
}
