import { NextResponse } from "next/server";
import { checkReadiness } from "@/server/health";

/**
 * Readiness for the load balancer: 200 when this server can serve (the database answers and has
 * every migration of this build), 503 with Retry-After otherwise. It says nothing else — no
 * version, no reason, no timings — to anyone who asks.
 */
export async function GET() {
  const { ready } = await checkReadiness();
  return ready
    ? NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } })
    : NextResponse.json({ status: "unavailable" }, { status: 503, headers: { "Retry-After": "10", "Cache-Control": "no-store" } });
}
