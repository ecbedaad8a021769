import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { ALL_ENDPOINTS } from "@/features/api-docs/all-endpoints";

export function GET() {
  return NextResponse.json(buildOpenApiDocument(ALL_ENDPOINTS));
}
