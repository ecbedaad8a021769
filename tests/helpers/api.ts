import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "../../server/env";
import { getDb } from "../../server/db/client";
import { sessionCookieName } from "../../server/auth/session-config";
import { createUserSession } from "../../server/auth/user-sessions";
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
 * a valid session token for it in the cookie jar.
 */
export async function signInAs(email: string): Promise<{ id: string }> {
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const sid = await createUserSession(user.id, { userAgent: "vitest" });
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid },
    secret: getAuthSecret(),
  });
  signOutLocally();
  testCookieJar().set(sessionCookieName(), token);
  return { id: user.id };
}

export function signOutLocally(): void {
  testCookieJar().clear();
}

export function currentSessionToken(): string | undefined {
  return testCookieJar().get(sessionCookieName());
}
