import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "../../server/env";
import { getDb } from "../../server/db/client";
import { sessionCookieName } from "../../server/auth/session-config";
import { createUserSession } from "../../server/auth/user-sessions";
import { newTotpSecret, sealValue, TOTP_SECRET_PURPOSE } from "../../server/auth/second-factor";
import { testCookieJar, setTestRequestHeaders, runAfterResponseTasks } from "../setup/next-request";

export const ORIGIN = "http://localhost:3000";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /** Leave work the handler deferred with after() queued (tests of what happens before the answer). */
  keepAfterResponseTasks?: boolean;
};

/** Calls a route handler the way the browser would: same origin, JSON, the test cookie jar. */
export async function callRoute(handler: Handler, path: string, options: CallOptions = {}) {
  const method = options.method ?? "POST";
  const headers = new Headers({ origin: ORIGIN, ...(options.headers ?? {}) });
  const hasBody = options.rawBody !== undefined || options.body !== undefined;
  if (hasBody && !headers.has("content-type")) headers.set("content-type", "application/json");
  const jar = testCookieJar();
  if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  setTestRequestHeaders(headers);
  const req = new NextRequest(new URL(path, ORIGIN), {
    method,
    headers,
    body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined,
  });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  // Work a handler defers with after() runs once the answer is sent, as in the real server.
  if (!options.keepAfterResponseTasks) await runAfterResponseTasks();
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return {
    status: response.status,
    headers: response.headers,
    json: json as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]>; rows?: unknown[] } },
  };
}

/**
 * Signs in without the UI: starts a server-side session for the user, as sign-in does, and puts
 * a valid session token for it in the cookie jar. An admin or a methodologist is signed in as they
 * work (decision 052): with an authenticator app enrolled (added here when they have none) and the
 * second factor proved just now. `secondFactor: "as-is"` leaves the account and the session as they
 * are (a session that gave only the password).
 */
export async function signInAs(email: string, options: { secondFactor?: "proved" | "as-is" } = {}): Promise<{ id: string; sessionId: string }> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, sessionVersion: true, roles: { select: { role: true } }, _count: { select: { secondFactors: true } } },
  });
  const sid = await createUserSession(user.id, { userAgent: "vitest" });
  const privileged = user.roles.some((r) => r.role === "ADMIN" || r.role === "METHODOLOGIST");
  if ((options.secondFactor ?? "proved") === "proved" && (privileged || user._count.secondFactors > 0)) {
    if (user._count.secondFactors === 0) {
      await db.secondFactor.create({
        data: { userId: user.id, kind: "TOTP", label: "Test phone", secret: sealValue(newTotpSecret(), TOTP_SECRET_PURPOSE) },
      });
    }
    await db.userSession.update({ where: { id: sid }, data: { secondFactorAt: new Date() } });
  }
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid },
    secret: getAuthSecret(),
  });
  signOutLocally();
  testCookieJar().set(sessionCookieName(), token);
  return { id: user.id, sessionId: sid };
}

export function signOutLocally(): void {
  testCookieJar().clear();
}

export function currentSessionToken(): string | undefined {
  return testCookieJar().get(sessionCookieName());
}
