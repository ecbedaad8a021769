import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { openSessionLimits } from "@/server/auth/user-sessions";
import { deviceName, type DeviceName } from "@/lib/device-name";

export type SignedInDevice = DeviceName & {
  id: string;
  ip: string | null;
  signedInAt: Date;
  lastUsedAt: Date;
  /** The device this list is being read on. */
  current: boolean;
};

/**
 * Where the actor's account is signed in now: every session that has not ended (signed out, ended
 * here or everywhere, idle past 8 hours, past 14 days), the most recently used first. `thisSessionId`
 * is the session of the request (which of them is "this device"); the rows are the actor's own.
 */
export async function listSignedInDevices(actor: Actor, thisSessionId: string | null, now = new Date()): Promise<SignedInDevice[]> {
  authorize(actor, "read:profile:own");
  const open = openSessionLimits(now);
  const rows = await getDb().userSession.findMany({
    where: {
      userId: actor.id,
      revokedAt: null,
      lastSeenAt: { gt: open.lastSeenAfter },
      createdAt: { gt: open.createdAfter },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    ...deviceName(row.userAgent),
    ip: row.ip,
    signedInAt: row.createdAt,
    lastUsedAt: row.lastSeenAt,
    current: row.id === thisSessionId,
  }));
}

/**
 * Ends one of the actor's own sessions: that device is signed out at its next request. Another
 * person's session, or one already ended, is not found (404) and nothing changes. Returns whether it
 * was the device the request came from (its cookie is then cleared too).
 */
export async function endSignedInDevice(actor: Actor, sessionId: string, thisSessionId: string | null, now = new Date()): Promise<{ wasThisDevice: boolean }> {
  authorize(actor, "update:profile:own");
  const { count } = await getDb().userSession.updateMany({ where: { id: sessionId, userId: actor.id, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new AppError("not_found", "errors.sessionNotFound");
  return { wasThisDevice: sessionId === thisSessionId };
}
