import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "../env";
import { LOCALE_COOKIE, SESSION_IDLE_SECONDS, sessionCookieName, sessionCookieOptions, hasSecureCookies } from "./session-config";

/** Re-issues this device's session after its version changed (e.g. the user changed the password here). */
export async function issueSessionCookie(uid: string, sv: number, authTime: number): Promise<void> {
  const token = await encode({ token: { uid, sv, authTime }, secret: getAuthSecret(), maxAge: SESSION_IDLE_SECONDS });
  (await cookies()).set(sessionCookieName(), token, { ...sessionCookieOptions(), maxAge: SESSION_IDLE_SECONDS });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

export async function setLocaleCookie(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    sameSite: "lax",
    secure: hasSecureCookies(),
    maxAge: 365 * 24 * 60 * 60,
  });
}
