import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getAuthSecret, shareAppUrlWithNextAuth } from "../env";
import { headers } from "next/headers";
import { singleLine, secret } from "@/lib/zod-text";
import { clientIp } from "./client-ip";
import { createUserSession } from "./user-sessions";
import { verifySignIn } from "./sign-in";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_AFTER_SECONDS, sessionCookieName, sessionCookieOptions, hasSecureCookies } from "./session-config";

const ZCredentials = z.object({ email: singleLine().min(3).max(254), password: secret().min(1).max(256) });

/** Thrown from authorize(); next-auth passes the message on as the `error` of the JSON answer. */
export const ACCOUNT_LOCKED_ERROR = "AccountLocked";

export function getAuthOptions(): NextAuthOptions {
  // Without this, next-auth builds its URLs on http://localhost:3000 whatever address and port served it.
  shareAppUrlWithNextAuth();
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_AFTER_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    useSecureCookies: hasSecureCookies(),
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await verifySignIn(parsed.data.email, parsed.data.password, clientIp(req.headers ?? {}));
          if (!result.ok) {
            if (result.reason === "locked") throw new Error(ACCOUNT_LOCKED_ERROR);
            return null;
          }
          return { id: result.userId, sv: result.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // Sign-in starts a server-side session; its id (`sid`) is what signing out revokes.
          const signedIn = user as { id: string; sv?: number };
          const request = await headers();
          const sid = await createUserSession(signedIn.id, { userAgent: request.get("user-agent"), ip: clientIp(request) });
          return { uid: signedIn.id, sv: signedIn.sv ?? 1, authTime: Math.floor(Date.now() / 1000), sid };
        }
        return token;
      },
      async session({ session }) {
        // The app never reads the session through next-auth's endpoint; see server/auth/current-user.ts.
        return { expires: session.expires };
      },
    },
  };
}
