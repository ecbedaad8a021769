import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "../api/handler";
import { assertSameOrigin, configuredOrigin } from "../http/origin";
import { resolveRequestLocale, translateError } from "../i18n";
import { clientIp } from "./client-ip";
import { LOCALE_COOKIE } from "./session-config";
import { assertSignInAllowed } from "./sign-in";
import { hasForbiddenCharacters } from "@/lib/zod-text";

/**
 * Guards next-auth's credentials callback: the origin rule every write follows, then the
 * throttles (per account and address, and per account). Returns a response to send instead,
 * or null to let next-auth proceed.
 */
export async function guardCredentialsSignIn(req: NextRequest): Promise<Response | null> {
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const locale = resolveRequestLocale(null, req.cookies.get(LOCALE_COOKIE)?.value);
  try {
    assertSameOrigin(req);
  } catch {
    // The form says why and where to go instead, so the refusal does not read as a wrong password.
    return NextResponse.json(
      { error: { code: "forbidden", message: translateError(locale, "errors.crossSite"), appOrigin: configuredOrigin() } },
      { status: 403 },
    );
  }
  try {
    const form = await req.clone().formData();
    const email = form.get("email");
    // An address with control characters cannot be an account's (the credentials schema refuses
    // it), and PostgreSQL rejects NUL in a query: such attempts skip the throttle lookup.
    if (typeof email === "string" && email.trim() && !hasForbiddenCharacters(email)) await assertSignInAllowed(email, clientIp(req.headers));
    return null;
  } catch (error) {
    return errorResponse(error, locale);
  }
}
