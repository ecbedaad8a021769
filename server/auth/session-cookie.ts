import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "../env";
import { readSessionClaims } from "./current-user";
import { LOCALE_COOKIE, SESSION_IDLE_SECONDS, sessionCookieName, sessionCookieOptions, hasSecureCookies } from "./session-config";
import { revokeUserSession } from "./user-sessions";

/**
 * Re-issues this device's session after its version changed (e.g. the user changed the password
 * here). The device keeps its server-side session (`sid`), read from the cookie it sent; without a
 * valid session cookie there is nothing to continue and nothing is issued.
 */
export async function issueSessionCookie(uid: string, sv: number, authTime: number): Promise<void> {
  const jar = await cookies();
  const current = jar.get(sessionCookieName())?.value;
  const claims = current ? await readSessionClaims(current) : null;
  if (!claims || claims.uid !== uid) return;
  const token = await encode({ token: { uid, sv, authTime, sid: claims.sid }, secret: getAuthSecret(), maxAge: SESSION_IDLE_SECONDS });
  jar.set(sessionCookieName(), token, { ...sessionCookieOptions(), maxAge: SESSION_IDLE_SECONDS });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

/**
 * Signs this device out: revokes its server-side session, so a copy of the token (another tab,
 * a stolen cookie) stops working too, then clears the cookie. An unreadable or old token has no
 * session to revoke; the cookie is cleared all the same.
 */
export async function signOutThisDevice(): Promise<void> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  const claims = raw ? await readSessionClaims(raw) : null;
  if (claims) await revokeUserSession(claims.uid, claims.sid);
  await clearSessionCookie();
}

export async function setLocaleCookie(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    sameSite: "lax",
    secure: hasSecureCookies(),
    maxAge: 365 * 24 * 60 * 60,
  });
}
