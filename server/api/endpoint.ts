import type { z } from "zod";

/**
 * A declared /api/v1 endpoint: the same object drives the route handler (validation, auth) and
 * the OpenAPI document, so the docs cannot drift from the code.
 */
export type EndpointSpec<
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TParams extends z.ZodType | undefined = z.ZodType | undefined,
  TAuth extends "user" | "public" = "user" | "public",
> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  tag: string;
  auth: TAuth;
  body?: TBody;
  params?: TParams;
  /** Query-string parameters (GET endpoints). */
  query?: z.ZodType;
  response?: z.ZodType;
  /** Status codes besides the common 400/401/403/413/429/503 that this endpoint answers. */
  statuses?: number[];
};

export function defineEndpoint<
  TBody extends z.ZodType | undefined,
  TParams extends z.ZodType | undefined,
  TAuth extends "user" | "public",
>(spec: EndpointSpec<TBody, TParams, TAuth>): EndpointSpec<TBody, TParams, TAuth> {
  return spec;
}
