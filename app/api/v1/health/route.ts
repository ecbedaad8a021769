import { NextResponse } from "next/server";
import { checkDatabase } from "@/server/health";

/** Readiness for the load balancer: 200 when the database answers, 503 with Retry-After otherwise. */
export async function GET() {
  const ok = await checkDatabase();
  return ok ? NextResponse.json({ status: "ok" }) : NextResponse.json({ status: "unavailable" }, { status: 503, headers: { "Retry-After": "10" } });
}
