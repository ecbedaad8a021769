import type { z } from "zod";

/**
 * A declared /api/v1 endpoint: the same object drives the route handler (validation, auth) and
 * the OpenAPI document, so the docs cannot drift from the code.
 */
export type EndpointSpec<
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TParams extends z.ZodType | undefined = z.ZodType | undefined,
  TAuth extends "user" | "public" = "user" | "public",
  TQuery extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  tag: string;
  auth: TAuth;
  body?: TBody;
  params?: TParams;
  /** Query-string parameters (GET endpoints). */
  query?: TQuery;
  response?: z.ZodType;
  /**
   * Also accepts a same-origin HTML form post (application/x-www-form-urlencoded): the fields are
   * validated like the JSON body, and success answers 303 to the form's `next` field (a same-site
   * path) or to the page that posted it, so the action works without JavaScript.
   */
  acceptsForm?: boolean;
  /**
   * The body is one file of these media types, not JSON (decision 029): the wrapper checks the
   * declared type and refuses a declared Content-Length over `maxBytes` before reading anything;
   * the handler reads `req.body` as a stream within the limit of the type it declared.
   */
  upload?: { types: readonly string[]; maxBytes: number };
  /**
   * The answer holds secrets shown once (recovery codes) or single-use challenges: it is never kept
   * for an idempotent replay, so an Idempotency-Key is ignored and a retry is a new request.
   */
  secretResponse?: boolean;
  /**
   * A sensitive action (decision 052): the signed-in person must have proved the second factor in
   * this session within the last 15 minutes, else 403 `second_factor_required`.
   */
  recentSecondFactor?: boolean;
  /** Status codes besides the common 400/401/403/413/429/503 that this endpoint answers. */
  statuses?: number[];
};

export function defineEndpoint<
  TBody extends z.ZodType | undefined,
  TParams extends z.ZodType | undefined,
  TAuth extends "user" | "public",
  TQuery extends z.ZodType | undefined = undefined,
>(spec: EndpointSpec<TBody, TParams, TAuth, TQuery>): EndpointSpec<TBody, TParams, TAuth, TQuery> {
  return spec;
}
