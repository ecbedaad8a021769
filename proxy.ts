import { NextResponse, type NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { getAuthSecret } from "./server/env";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_AFTER_SECONDS, sessionCookieName, sessionCookieOptions } from "./server/auth/session-config";

/**
 * Runs before every page and API request:
 * 1. a Content-Security-Policy with a fresh nonce (Next applies it to its own scripts);
 * 2. the sliding idle lifetime: a session token older than 15 minutes is re-issued, so the
 *    8-hour idle limit counts from the last request. Revocation is checked later, per request,
 *    against the database (server/auth/current-user.ts).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
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
  response.headers.set("Content-Security-Policy", csp);

  await slideSession(request, response);
  return response;
}

async function slideSession(request: NextRequest, response: NextResponse): Promise<void> {
  const name = sessionCookieName();
  const raw = request.cookies.get(name)?.value;
  if (!raw) return;
  try {
    const secret = getAuthSecret();
    const payload = await decode({ token: raw, secret });
    if (!payload || typeof payload.iat !== "number") return;
    if (Date.now() / 1000 - payload.iat < SESSION_REFRESH_AFTER_SECONDS) return;
    const { uid, sv, authTime } = payload as Record<string, unknown>;
    const token = await encode({ token: { uid, sv, authTime }, secret, maxAge: SESSION_IDLE_SECONDS });
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
