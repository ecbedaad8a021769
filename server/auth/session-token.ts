import { decode, type JWT } from "next-auth/jwt";
import { getAuthSecret } from "../env";

/**
 * Reading a session token decrypts it with a key derived from AUTH_SECRET (HKDF, then AES-GCM),
 * and every request reads its token twice (proxy.ts slides it, the page resolves it). A browser
 * sends the same token for up to 15 minutes, so what it says is kept by the token's text until the
 * token expires: a repeat costs a map lookup instead of about a millisecond of cryptography.
 * This only saves the decryption — whether the session still stands (revoked, signed out
 * everywhere, account locked) is asked of the database on every request (current-user.ts).
 * Tokens that do not decode are never kept.
 */
const MAX_KEPT = 1_000;
const kept = new Map<string, { payload: JWT; expiresAtMs: number; secret: string }>();

/** The token's payload, or null when it does not decode or has expired. */
export async function decodeSessionToken(raw: string): Promise<JWT | null> {
  const secret = getAuthSecret();
  const hit = kept.get(raw);
  if (hit && Date.now() < hit.expiresAtMs && hit.secret === secret) return hit.payload;
  if (hit) kept.delete(raw);
  const payload = await decode({ token: raw, secret });
  if (!payload) return null;
  if (typeof payload.exp === "number") {
    // The oldest entry makes room: a map keeps insertion order.
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(raw, { payload, expiresAtMs: payload.exp * 1000, secret });
  }
  return payload;
}
