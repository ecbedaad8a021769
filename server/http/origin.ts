import "server-only";
import type { NextRequest } from "next/server";
import { getEnv } from "../env";
import { AppError } from "../errors";

/**
 * The one origin rule, for the API wrapper and the sign-in guard alike.
 * With APP_URL (or NEXTAUTH_URL) set, writes come only from that origin and ALLOWED_ORIGINS.
 * Without it, the allowed origin is the address the browser used — whatever host and port it
 * reached this server at (localhost, 127.0.0.1, the machine's address on an office network).
 */
export function allowedOrigins(req: NextRequest): string[] {
  const env = getEnv();
  if (env.configuredOrigin) return [env.configuredOrigin, ...env.ALLOWED_ORIGINS];
  const origin = requestOrigin(req);
  return origin ? [origin] : [];
}

export function isAllowedOrigin(req: NextRequest, origin: string): boolean {
  return allowedOrigins(req).includes(origin);
}

/** Where to send someone who reached the app at an address it refuses: the configured one, if any. */
export function configuredOrigin(): string | null {
  return getEnv().configuredOrigin;
}

/** A host name or IP address with an optional port — nothing a URL parser could read otherwise. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The address the browser used. `next start` (and scripts/serve.mjs) builds `req.nextUrl` from the
 * listening hostname ("localhost"), not from the request, so the host comes from the Host header;
 * the scheme from X-Forwarded-Proto, which Next fills from the socket when no proxy sent one.
 */
export function requestOrigin(req: NextRequest): string | null {
  const host = req.headers.get("host") ?? req.nextUrl.host;
  const forwardedProto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : req.nextUrl.protocol.replace(":", "");
  if (!HOST.test(host)) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a cross-site write with 403. Browsers send Origin on every cross-origin request and on
 * same-origin POSTs; older ones omit it on same-origin requests, and then Fetch Metadata, where
 * sent, still tells.
 */
export function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (origin) {
    if (!isAllowedOrigin(req, origin)) throw new AppError("forbidden", "errors.crossSite");
    return;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "errors.crossSite");
}

/**
 * The page's own origin for WebAuthn (a passkey is bound to the site it was made on): the Origin
 * the browser sent, which the wrapper has already checked is allowed, or the address it used.
 */
export function pageOrigin(req: NextRequest): string {
  const origin = req.headers.get("origin");
  if (origin && isAllowedOrigin(req, origin)) return origin;
  const used = requestOrigin(req);
  if (!used) throw new AppError("forbidden", "errors.crossSite");
  return used;
}
