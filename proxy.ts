import { NextResponse, type NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { getAuthSecret, getEnv } from "./server/env";
import { strictTransportSecurity } from "./server/http/strict-transport";
import { LOCALE_COOKIE, SESSION_IDLE_SECONDS, SESSION_REFRESH_AFTER_SECONDS, sessionCookieName, sessionCookieOptions } from "./server/auth/session-config";
import { databaseUnavailableFor } from "./server/db/outage";
import { resolveRequestLocale, translateError } from "./server/i18n";
import { decodeSessionToken } from "./server/auth/session-token";

/**
 * While this server has just failed to reach the database (server/db/outage.ts), a page is answered
 * at once with 503, Retry-After and a short page in the person's language that reloads itself, not
 * after a wait with a 500. The health check, the API (which answers 503 itself) and files pass.
 */
function unavailablePage(request: NextRequest): NextResponse | null {
  const path = request.nextUrl.pathname;
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (path.startsWith("/api/") || path.startsWith("/_next/") || /\.[a-z0-9]+$/i.test(path)) return null;
  const waitMs = databaseUnavailableFor();
  if (waitMs === 0) return null;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const locale = resolveRequestLocale(null, request.cookies.get(LOCALE_COOKIE)?.value);
  const [title, text] = [translateError(locale, "errors.outageTitle"), translateError(locale, "errors.outageText")];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${seconds + 2}"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
  return new NextResponse(request.method === "HEAD" ? null : html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(seconds), "cache-control": "no-store" },
  });
}

/**
 * Runs before every page and API request:
 * 1. a Content-Security-Policy with a fresh nonce (Next applies it to its own scripts), and
 *    Strict-Transport-Security when APP_URL is https;
 * 2. the sliding idle lifetime: a session token older than 15 minutes is re-issued, so the
 *    8-hour idle limit counts from the last request. Revocation is checked later, per request,
 *    against the database (server/auth/current-user.ts).
 */
export async function proxy(request: NextRequest) {
  const unavailable = unavailablePage(request);
  if (unavailable) return unavailable;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = getEnv().NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(request.nextUrl.protocol === "https:" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A stored file answers with its own, stricter policy (features/files/server/serve-file.ts), and
  // Next keeps the first Content-Security-Policy a response gets: this one must not be it.
  if (!request.nextUrl.pathname.startsWith("/api/v1/files/")) response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);

  await slideSession(request, response);
  return response;
}

/**
 * Re-issues a session token once it is 15 minutes old, without asking the database: this runs on
 * every request, pages and assets alike, and a query here would double the database work for no
 * gain. Re-issuing a revoked session's token cannot revive it — the token keeps its `sid`, every
 * request checks that session row (server/auth/current-user.ts), and a revoked row stays revoked —
 * so the sliding cookie never outlives sign-out in effect. Tokens without a `sid` predate
 * server-side sessions and are signed out; they are left to expire, not slid.
 */
async function slideSession(request: NextRequest, response: NextResponse): Promise<void> {
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  if (!raw) return;
  try {
    const secret = getAuthSecret();
    const payload = await decodeSessionToken(raw);
    if (!payload || typeof payload.iat !== "number" || typeof payload.sid !== "string") return;
    if (Date.now() / 1000 - payload.iat < SESSION_REFRESH_AFTER_SECONDS) return;
    const { uid, sv, authTime, sid } = payload as Record<string, unknown>;
    const token = await encode({ token: { uid, sv, authTime, sid }, secret, maxAge: SESSION_IDLE_SECONDS });
    response.cookies.set(name, token, { ...sessionCookieOptions(), maxAge: SESSION_IDLE_SECONDS });
  } catch {
    // An unreadable token is simply not refreshed; the page treats the visitor as signed out.
  }
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
