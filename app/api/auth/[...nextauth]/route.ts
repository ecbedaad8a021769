import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth/options";
import { guardCredentialsSignIn } from "@/server/auth/sign-in-guard";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function nextAuth(req: NextRequest, ctx: Ctx) {
  return NextAuth(getAuthOptions())(req, ctx);
}

export const GET = nextAuth;

/** Sign-in attempts pass the throttle (429 with Retry-After) before next-auth sees them. */
export async function POST(req: NextRequest, ctx: Ctx) {
  const refused = await guardCredentialsSignIn(req);
  if (refused) return refused;
  return nextAuth(req, ctx);
}
