import { getEnv } from "../env";

/**
 * HSTS for a deployment whose public address is HTTPS (APP_URL https://…): once a browser has
 * seen it, it never again sends a request, or the session cookie, over plain HTTP to this host
 * for a year. Never sent for an http:// address — it would lock browsers out of a plain-HTTP demo.
 */
export function strictTransportSecurity(): string | null {
  return getEnv().configuredOrigin?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
