import { getEnv } from "../env";

/**
 * Session lifetimes (documented in README and docs/decisions/003-sessions.md):
 * - idle: a session ends after 8 hours without a request (a working day); each request after
 *   15 minutes re-issues the cookie, so active use keeps it alive;
 * - absolute: a session ends 14 days after sign-in whatever the activity.
 * Revocation: every request compares the token's session version with the user's row.
 */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_REFRESH_AFTER_SECONDS = 15 * 60;
export const SESSION_ABSOLUTE_SECONDS = 14 * 24 * 60 * 60;

/** Secure cookies whenever the app is served over HTTPS or runs as production. */
export function hasSecureCookies(): boolean {
  const env = getEnv();
  return env.isProduction || env.appUrl.startsWith("https://");
}

export function sessionCookieName(): string {
  return hasSecureCookies() ? "__Secure-skhodynky.session" : "skhodynky.session";
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    // Strict: a cross-site request never carries the session (CSRF defence for route handlers).
    sameSite: "strict" as const,
    path: "/",
    secure: hasSecureCookies(),
  };
}

export const LOCALE_COOKIE = "NEXT_LOCALE";
