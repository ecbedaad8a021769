import "server-only";
import type { NextRequest } from "next/server";
import { errorResponse } from "../api/handler";
import { AppError } from "../errors";
import { resolveRequestLocale } from "../i18n";
import { clientIp } from "./client-ip";
import { LOCALE_COOKIE } from "./session-config";
import { assertSignInAllowed } from "./sign-in";

/**
 * Guards next-auth's credentials callback: same-origin only, and at most 10 failures per account
 * and address in 15 minutes. Returns a response to send instead, or null to let next-auth proceed.
 */
export async function guardCredentialsSignIn(req: NextRequest): Promise<Response | null> {
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const locale = resolveRequestLocale(null, req.cookies.get(LOCALE_COOKIE)?.value);
  const origin = req.headers.get("origin");
  if (origin && origin !== req.nextUrl.origin) return errorResponse(new AppError("forbidden", "errors.crossSite"), locale);
  try {
    const form = await req.clone().formData();
    const email = form.get("email");
    if (typeof email === "string" && email.trim()) await assertSignInAllowed(email, clientIp(req.headers));
    return null;
  } catch (error) {
    return errorResponse(error, locale);
  }
}
