/**
 * Typed application errors. Each maps to one HTTP status in server/api/handler.ts; the message
 * is safe to show to a user (never a stack or an internal detail).
 */
export type FieldErrors = Record<string, string[]>;

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "rate_limited"
  | "service_unavailable";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  service_unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const badRequest = (message: string, fields?: FieldErrors) =>
  new AppError(fields ? "validation_failed" : "bad_request", message, fields);
export const unauthenticated = (message = "Sign in to continue.") => new AppError("unauthenticated", message);
export const forbidden = (message = "You do not have access to this.") => new AppError("forbidden", message);
export const notFound = (message = "Not found.") => new AppError("not_found", message);
export const conflict = (message: string, fields?: FieldErrors) => new AppError("conflict", message, fields);
export const unprocessable = (message: string, fields?: FieldErrors) => new AppError("unprocessable", message, fields);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError("rate_limited", message, undefined, retryAfterSeconds);

/** True when the error means the database could not be reached (not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    if (["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "57P01", "57P03"].includes(code)) return true;
    const name = typeof e.name === "string" ? e.name : "";
    if (name === "DriverAdapterError" || name === "PrismaClientInitializationError") {
      const msg = typeof e.message === "string" ? e.message : "";
      if (/connect|ECONNREFUSED|terminat|timeout|closed/i.test(msg)) return true;
    }
    const message = typeof e.message === "string" ? e.message : "";
    if (/ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database server|the database system is (starting|shutting) up/i.test(message)) return true;
    current = e.cause;
  }
  return false;
}
