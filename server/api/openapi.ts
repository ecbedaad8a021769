import "server-only";
import { z } from "zod";
import type { EndpointSpec } from "./endpoint";

const ZError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

const COMMON: Record<number, string> = {
  400: "Invalid input: malformed JSON or field errors.",
  401: "Not signed in.",
  403: "Not allowed, or a cross-site request.",
  413: "Body larger than 1 MB.",
  415: "Body must be application/json.",
  429: "Too many requests; see Retry-After.",
  503: "Database unavailable; see Retry-After.",
};

/** OpenAPI 3.1 generated from the same zod schemas that validate requests (the features list their endpoints). */
export function buildOpenApiDocument(endpoints: readonly EndpointSpec[]) {
  const errorSchema = z.toJSONSchema(ZError);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const success = e.statuses?.find((s) => s < 300) ?? 200;
    const responses: Record<string, unknown> = {
      [success]: {
        description: "Success",
        content: e.response ? { "application/json": { schema: z.toJSONSchema(e.response, { io: "output" }) } } : undefined,
      },
    };
    for (const [status, description] of Object.entries(COMMON)) {
      responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
    }
    for (const status of e.statuses ?? []) {
      if (status >= 300) responses[status] = { description: "See summary", content: { "application/json": { schema: errorSchema } } };
    }
    if (e.acceptsForm) {
      responses[303] = {
        description: "A form post succeeded; go on to the form's `next` path (or back to the posting page).",
        headers: { Location: { schema: { type: "string" } } },
      };
    }
    const queryProps = e.query ? (z.toJSONSchema(e.query, { io: "input" }) as { properties?: Record<string, unknown>; required?: string[] }) : null;
    const parameters = [
      ...Object.entries(queryProps?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: queryProps?.required?.includes(name) ?? false,
        schema,
      })),
      ...(e.path.match(/\{(\w+)\}/g) ?? []).map((p) => ({ name: p.slice(1, -1), in: "path", required: true, schema: { type: "string" } })),
      ...(e.method !== "GET" && !e.secretResponse
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "A replay with the same key returns the first result and writes nothing twice.",
              schema: { type: "string", minLength: 8, maxLength: 128 },
            },
          ]
        : []),
    ];
    (paths[e.path] ??= {})[e.method.toLowerCase()] = {
      summary: e.recentSecondFactor
        ? `${e.summary} Needs the second factor proved in this session within the last 15 minutes (else 403 second_factor_required).`
        : e.summary,
      tags: [e.tag],
      security: e.auth === "user" ? [{ session: [] }] : [],
      parameters,
      requestBody: requestBody(e),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Skhodynky API", version: "1.0.0", description: "Every state change of the Skhodynky app." },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "skhodynky.session" } } },
    paths,
  };
}

const ZFormNext = z.object({ next: z.string().optional().describe("Same-site path to go to afterwards; defaults to the posting page.") });

function requestBody(e: EndpointSpec) {
  const content: Record<string, { schema: unknown }> = {};
  if (e.body) content["application/json"] = { schema: z.toJSONSchema(e.body, { io: "input" }) };
  for (const type of e.upload?.types ?? []) content[type] = { schema: { type: "string", format: "binary" } };
  if (e.acceptsForm) {
    const fields = e.body instanceof z.ZodObject ? e.body.extend(ZFormNext.shape) : ZFormNext;
    content["application/x-www-form-urlencoded"] = { schema: z.toJSONSchema(fields, { io: "input" }) };
  }
  return Object.keys(content).length ? { required: Boolean(e.body ?? e.upload), content } : undefined;
}
