import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb, Prisma } from "../db/client";
import { AppError, constraintError, isDatabaseUnavailable, type FieldErrors } from "../errors";
import { getCurrentUser, type SessionUser } from "../auth/current-user";
import { assertRecentSecondFactor, authorize, type ResourceFreePermission } from "../authz/policy";
import { clientIp } from "../auth/client-ip";
import { assertSameOrigin, isAllowedOrigin } from "../http/origin";
import { resolveRequestLocale, translateError, type AppLocale } from "../i18n";
import { safeNextPath } from "@/lib/safe-next-path";
import { readBodyWithinLimit } from "../http/read-body";
import { noteDatabaseUnavailable } from "../db/outage";
import type { EndpointSpec } from "./endpoint";

export const MAX_BODY_BYTES = 1024 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{8,128}$/;
const FORM_TYPE = "application/x-www-form-urlencoded";

/** An HTML form post: its fields (without `next`) and where to send the browser afterwards. */
type FormPost = { fields: Record<string, string | string[]>; next: string };

type Context<TBody, TParams, TAuth extends "user" | "public", TQuery = undefined> = {
  req: NextRequest;
  /** The validated query string when the endpoint declares `query`. */
  query: TQuery;
  body: TBody;
  params: TParams;
  user: TAuth extends "user" ? SessionUser : SessionUser | null;
  locale: AppLocale;
  ip: string;
};

export type ApiResult = {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  file?: { content: Uint8Array | string; type: string; name: string };
  /** A response the handler built itself (a stored file streamed with its own headers); GET only. */
  response?: Response;
  /** Where a plain form post goes on success when the result decides it (a new item's page); an app path. */
  formNext?: string;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper for every /api/v1 handler: cross-site check, body size and JSON parsing, zod
 * validation, authentication, the declared permission, idempotency, and typed JSON errors.
 * Resource-level checks happen inside the handler through the policy module. Endpoints that
 * declare `acceptsForm` also take a plain HTML form post and answer it with a 303 redirect.
 */
export function handle<
  TBodySchema extends z.ZodType | undefined,
  TParamsSchema extends z.ZodType | undefined,
  TAuth extends "user" | "public",
  TQuerySchema extends z.ZodType | undefined = undefined,
>(
  // Only permissions that need no resource: one about a thing is checked where that thing is loaded.
  spec: EndpointSpec<TBodySchema, TParamsSchema, TAuth, TQuerySchema> & { permission?: ResourceFreePermission },
  fn: (
    ctx: Context<
      TBodySchema extends z.ZodType ? z.infer<TBodySchema> : undefined,
      TParamsSchema extends z.ZodType ? z.infer<TParamsSchema> : undefined,
      TAuth,
      TQuerySchema extends z.ZodType ? z.infer<TQuerySchema> : undefined
    >,
  ) => Promise<ApiResult>,
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    let locale: AppLocale = "uk";
    const isWrite = req.method !== "GET" && req.method !== "HEAD";
    const formPost = isWrite && spec.acceptsForm === true && isFormPost(req);
    try {
      if (isWrite) assertSameOrigin(req);

      const user = await getCurrentUser();
      locale = resolveRequestLocale(user?.locale, req.cookies.get("NEXT_LOCALE")?.value);
      if (spec.auth === "user" && !user) throw new AppError("unauthenticated", "errors.unauthenticated");
      // A write from a device's outbox names whose it is: under anyone else's session it is refused
      // (and kept on the device for its person), never recorded as theirs (decision 034).
      const outboxUser = req.headers.get("x-outbox-user");
      if (isWrite && outboxUser !== null && outboxUser !== user?.id) throw new AppError("wrong_user", "errors.outboxOtherUser");
      if (spec.permission && user) authorize(user, spec.permission);
      if (spec.recentSecondFactor) {
        if (!user) throw new AppError("unauthenticated", "errors.unauthenticated");
        assertRecentSecondFactor(user);
      }

      const params = spec.params ? validate(spec.params, await route.params, locale) : undefined;
      if (isWrite && spec.upload) assertUpload(req, spec.upload);
      const form = formPost ? await readForm(req) : null;
      const body = spec.body ? validate(spec.body, form ? form.fields : await readJson(req), locale) : undefined;
      const query = spec.query ? validate(spec.query, Object.fromEntries(req.nextUrl.searchParams), locale) : undefined;
      const ip = clientIp(req.headers);
      const ctx = { req, body, params, query, user, locale, ip } as Context<never, never, TAuth, never>;

      const key = req.headers.get("idempotency-key");
      let formNext: string | undefined;
      const run = async () => {
        const result = await fn(ctx);
        formNext = result.formNext;
        return result;
      };
      let response: Response;
      if (isWrite && key !== null && !spec.secretResponse) {
        if (!IDEMPOTENCY_KEY.test(key)) {
          throw new AppError("bad_request", "errors.badIdempotencyKey");
        }
        // An upload's bytes are not read before the handler runs: its type, length and query stand for them.
        const fingerprint = spec.upload
          ? `${req.headers.get("content-type") ?? ""} ${req.headers.get("content-length") ?? ""} ${req.nextUrl.search}`
          : undefined;
        response = await withIdempotency(req, key, user?.id ?? null, ip, fingerprint ?? body, run, locale);
      } else {
        response = toResponse(await run());
      }
      return form ? seeOther(response, formNext ? safeNextPath(formNext, form.next) : form.next, locale) : response;
    } catch (error) {
      const response = errorResponse(error, locale);
      return formPost ? await formErrorPage(response, refererPath(req), locale) : response;
    }
  };
}

function toResponse(result: ApiResult): Response {
  if (result.response) return result.response;
  const status = result.status ?? 200;
  if (result.file) {
    const body = typeof result.file.content === "string" ? result.file.content : new Uint8Array(result.file.content);
    return new Response(body, {
      status,
      headers: {
        "Content-Type": result.file.type,
        "Content-Disposition": `attachment; filename="${result.file.name}"; filename*=UTF-8''${encodeURIComponent(result.file.name)}`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  if (status === 204) return new Response(null, { status, headers: result.headers });
  return NextResponse.json(result.body ?? { ok: true }, { status, headers: result.headers });
}

/**
 * A form post is answered like a browser expects: success sends it on with 303 See Other (so a
 * reload does not post again), keeping the headers the handler set; an error stays typed JSON.
 */
async function seeOther(response: Response, location: string, locale: AppLocale): Promise<Response> {
  if (!response.ok) return formErrorPage(response, location, locale);
  const headers = new Headers(response.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  headers.set("location", location);
  headers.set("cache-control", "no-store");
  return new Response(null, { status: 303, headers });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A form post that failed is answered with a small page in the person's language, not typed JSON:
 * what went wrong (and each field's message), with a link back to the page the form was on. The
 * status stays the error's, and the browser's Back button still holds what was typed.
 */
export async function formErrorPage(response: Response, back: string | null, locale: AppLocale): Promise<Response> {
  let message = translateError(locale, "errors.internal");
  let fieldMessages: string[] = [];
  try {
    const body = (await response.json()) as { error?: { message?: string; fields?: Record<string, string[]> } };
    if (body.error?.message) message = body.error.message;
    fieldMessages = Object.values(body.error?.fields ?? {}).flat();
  } catch {
    // Not JSON: keep the general message.
  }
  const title = translateError(locale, "errors.formFailed");
  const href = safeNextPath(back, "/");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>${
    fieldMessages.length ? `<ul>${fieldMessages.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>` : ""
  }<p><a href="${escapeHtml(href)}">${escapeHtml(translateError(locale, "errors.formBack"))}</a></p></main></body></html>`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) headers.set("retry-after", retryAfter);
  return new Response(html, { status: response.status, headers });
}

function isFormPost(req: NextRequest): boolean {
  return (req.headers.get("content-type") ?? "").toLowerCase().startsWith(FORM_TYPE);
}

/**
 * Reads a form post. `next` says where to go afterwards; without it the browser returns to the
 * same-site page it posted from (the Referer), so a form in the shared header needs no per-page field.
 */
async function readForm(req: NextRequest): Promise<FormPost> {
  const text = req.body ? await readText(req) : "";
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const { next, ...rest } = fields;
  return { fields: rest, next: safeNextPath(typeof next === "string" ? next : refererPath(req), "/") };
}

function refererPath(req: NextRequest): string | null {
  const referer = req.headers.get("referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return isAllowedOrigin(req, url.origin) ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

async function readJson(req: NextRequest): Promise<unknown> {
  assertDeclaredSize(req);
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "errors.jsonOnly");
  }
  const text = await readText(req);
  if (!text.trim()) throw new AppError("bad_request", "errors.emptyBody");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "errors.malformedJson");
  }
}

/** An upload: one of the declared media types, and no larger than the limit it says it is. */
function assertUpload(req: NextRequest, upload: { types: readonly string[]; maxBytes: number }): void {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!upload.types.includes(type)) throw new AppError("unsupported_media_type", "errors.fileTypeNotAllowed");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > upload.maxBytes) throw new AppError("payload_too_large", "errors.fileTooLarge");
}

function assertDeclaredSize(req: NextRequest): void {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", "errors.tooLarge");
}

/** The body as text, refused past 1 MB whatever the declared length says. */
async function readText(req: NextRequest): Promise<string> {
  assertDeclaredSize(req);
  return (await readBodyWithinLimit(req.body, MAX_BODY_BYTES, { tooLarge: "errors.tooLarge", missing: "errors.emptyBody" })).toString("utf8");
}

export function validate<S extends z.ZodType>(schema: S, input: unknown, locale: AppLocale): z.infer<S> {
  const result = schema.safeParse(input, { error: zodLocaleError(locale) });
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.length ? issue.path.join(".") : "_";
    (fields[path] ??= []).push(translateError(locale, issue.message));
  }
  throw new AppError("validation_failed", "errors.validation", fields);
}

function zodLocaleError(locale: AppLocale) {
  return locale === "uk" ? z.locales.uk().localeError : z.locales.en().localeError;
}

async function withIdempotency(
  req: NextRequest,
  key: string,
  userId: string | null,
  ip: string,
  body: unknown,
  run: () => Promise<ApiResult>,
  locale: AppLocale,
): Promise<Response> {
  const db = getDb();
  const scope = userId ?? `public:${ip}`;
  const path = req.nextUrl.pathname;
  const requestHash = createHash("sha256")
    .update(`${req.method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");

  const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (existing) {
    if (!(await tookOverAbandoned(existing, requestHash))) return replay(existing, requestHash, locale);
  } else {
    try {
      await db.idempotencyRecord.create({
        data: { scope, key, userId, method: req.method, path, requestHash, status: 0 },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const raced = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
        if (raced) return replay(raced, requestHash, locale);
      }
      throw error;
    }
  }

  let result: ApiResult;
  try {
    result = await run();
  } catch (error) {
    // A failed first attempt records nothing, so the client may retry with the same key. When the
    // database has just gone, the mark is removed once it is back (decision 053), not left "in progress".
    await untilDatabaseAnswers(() => db.idempotencyRecord.delete({ where: { scope_key: { scope, key } } })).catch(() => undefined);
    throw error;
  }
  const status = result.status ?? 200;
  // The write is done: its answer is kept even if the database went away just after it, so a retry
  // gets the replay and never does the write a second time.
  await untilDatabaseAnswers(() =>
    db.idempotencyRecord.update({
      where: { scope_key: { scope, key } },
      data: { status, responseBody: (result.body ?? { ok: true }) as Prisma.InputJsonValue },
    }),
  );
  const response = toResponse(result);
  response.headers.set("Idempotency-Key", key);
  return response;
}

/** How long a request waits for the database to come back to settle its idempotency mark. */
export const SETTLE_MARK_WITHIN_MS = 30_000;

/**
 * Runs a write of the idempotency bookkeeping again (every 0.25–2 s) while the database is
 * unreachable, for up to SETTLE_MARK_WITHIN_MS: a restart of a few seconds then leaves no mark
 * "in progress" behind (decision 053). Any other error, or a longer outage, is thrown.
 */
export async function untilDatabaseAnswers<T>(work: () => Promise<T>, withinMs = SETTLE_MARK_WITHIN_MS): Promise<T> {
  const until = Date.now() + withinMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + wait > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * A first request that never finished (its server stopped mid-write, or the database stayed away
 * longer than SETTLE_MARK_WITHIN_MS) would hold its key "in progress" for ever. After
 * IN_PROGRESS_ABANDONED_MS a retry with the same request takes the key over: a compare-and-set on
 * the mark's time, so of two retries at once one runs and the other is told it is in progress.
 */
export const IN_PROGRESS_ABANDONED_MS = 5 * 60_000;

async function tookOverAbandoned(
  record: { scope: string; key: string; requestHash: string; status: number; createdAt: Date },
  requestHash: string,
): Promise<boolean> {
  if (record.status !== 0 || record.requestHash !== requestHash) return false;
  if (Date.now() - record.createdAt.getTime() < IN_PROGRESS_ABANDONED_MS) return false;
  const { count } = await getDb().idempotencyRecord.updateMany({
    where: { scope: record.scope, key: record.key, status: 0, createdAt: record.createdAt },
    data: { createdAt: new Date() },
  });
  return count === 1;
}

function replay(record: { requestHash: string; status: number; responseBody: unknown; createdAt: Date }, requestHash: string, locale: AppLocale): Response {
  if (record.requestHash !== requestHash) {
    return errorResponse(new AppError("unprocessable", "errors.idempotencyMismatch"), locale);
  }
  if (record.status === 0) {
    // Retry once the first request is done, or once it counts as abandoned.
    const wait = Math.max(1, Math.ceil((record.createdAt.getTime() + IN_PROGRESS_ABANDONED_MS - Date.now()) / 1000));
    return errorResponse(new AppError("in_progress", "errors.idempotencyInProgress", undefined, Math.min(wait, 10)), locale);
  }
  const response =
    record.status === 204 ? new Response(null, { status: 204 }) : NextResponse.json(record.responseBody ?? { ok: true }, { status: record.status });
  response.headers.set("Idempotent-Replayed", "true");
  return response;
}

export function errorResponse(error: unknown, locale: AppLocale): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: translateError(locale, error.message),
          fields: error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.map((m) => translateError(locale, m))])) : undefined,
          ...error.details,
        },
      },
      { status: error.status, headers },
    );
  }
  if (isDatabaseUnavailable(error)) {
    noteDatabaseUnavailable();
    return NextResponse.json(
      { error: { code: "service_unavailable", message: translateError(locale, "errors.unavailable") } },
      { status: 503, headers: { "Retry-After": "10" } },
    );
  }
  // A rule the database keeps (unique index, CHECK, foreign key, immutable assessment) refused the write.
  const refused = constraintError(error);
  if (refused) return errorResponse(refused, locale);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") {
      return NextResponse.json({ error: { code: "not_found", message: translateError(locale, "errors.notFound") } }, { status: 404 });
    }
  }
  // Unknown failure: log an id and the error's type, never request data (it may hold personal data).
  const errorId = randomUUID();
  const name = error instanceof Error ? error.name : typeof error;
  console.error(`[api] unexpected error ${errorId}: ${name}`, error instanceof Error ? error.stack : "");
  return NextResponse.json({ error: { code: "internal", message: translateError(locale, "errors.internal"), errorId } }, { status: 500 });
}
