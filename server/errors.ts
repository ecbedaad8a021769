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
  /** A sensitive action needs the second factor proved within the last 15 minutes (decision 052). */
  | "second_factor_required"
  | "not_found"
  | "conflict"
  /** The same Idempotency-Key's first request is still running: try again after Retry-After. */
  | "in_progress"
  | "wrong_user"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "client_data_suspected"
  | "rate_limited"
  | "service_unavailable";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  in_progress: 409,
  wrong_user: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  client_data_suspected: 422,
  rate_limited: 429,
  service_unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: MessageKey,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
    /** Structured facts the client acts on (e.g. the spans the client-data guard found); never internal details. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

/** Messages are keys of messages/*.json (`errors.*`), translated by the API wrapper for the reader. */
export type MessageKey = `errors.${string}`;

export const rateLimited = (message: MessageKey, retryAfterSeconds: number) => new AppError("rate_limited", message, undefined, retryAfterSeconds);

/** True when the error means the database could not be reached (not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as {
      code?: unknown;
      originalCode?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [e.code, e.originalCode]) if (typeof code === "string" && isUnavailableCode(code)) return true;
    const name = typeof e.name === "string" ? e.name : "";
    const message = typeof e.message === "string" ? e.message : "";
    if ((name === "DriverAdapterError" || name === "PrismaClientInitializationError") && /connect|ECONNREFUSED|terminat|timeout|closed/i.test(message))
      return true;
    if (UNAVAILABLE_MESSAGE.test(message)) return true;
    // Prisma wraps the driver's error (P2010 and others): its SQLSTATE is in meta.driverAdapterError.cause.
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/**
 * Codes that mean "not now" rather than "wrong": Prisma cannot reach the server (P1001, P1002,
 * P1017) or start a transaction in time (P2028, every connection busy), the socket failed, or
 * PostgreSQL is shutting down, starting, in recovery, out of connections (57P01–57P03, 53300) or
 * lost the connection (class 08).
 */
function isUnavailableCode(code: string): boolean {
  return (
    ["P1001", "P1002", "P1017", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "53300"].includes(code) ||
    /^08[0-9A-Z]{3}$/.test(code)
  );
}

const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|encountered a connection error and is not queryable|Unable to start a transaction in the given time/i;

/** A rule the database refused: a unique index, a CHECK, a foreign key, or the immutability trigger. */
export type ConstraintViolation = { kind: "unique" | "check" | "foreign_key" | "immutable"; constraint: string | null };

const SQLSTATE_KINDS: Record<string, ConstraintViolation["kind"]> = { "23505": "unique", "23514": "check", "23503": "foreign_key", "23001": "foreign_key" };

/**
 * Reads the SQLSTATE and constraint name behind an error, whichever way it came: Prisma's error
 * (P2002, P2003, P2039, P2010) wrapping the driver adapter's, or the driver's own. PostgreSQL's
 * adapter names the constraint; PGlite's only puts it in the message, so the message is read too.
 */
export function findConstraintViolation(error: unknown): ConstraintViolation | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as {
      code?: unknown;
      originalCode?: unknown;
      message?: unknown;
      originalMessage?: unknown;
      constraint?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    const state = typeof e.originalCode === "string" ? e.originalCode : typeof e.code === "string" ? e.code : "";
    const message = typeof e.originalMessage === "string" ? e.originalMessage : typeof e.message === "string" ? e.message : "";
    const named = message.match(/constraint "([^"]+)"/)?.[1] ?? (typeof e.constraint === "string" ? e.constraint : null);
    if (state === "P0001" && /is immutable/.test(message)) return { kind: "immutable", constraint: null };
    const kind = SQLSTATE_KINDS[state];
    if (kind) return { kind, constraint: named };
    queue.push(e.meta?.driverAdapterError, e.cause);
  }
  return null;
}

/** What each "one of a kind" index means to the person whose write it refused. */
const UNIQUE_MESSAGES: Record<string, MessageKey> = {
  Mentorship_menteeId_current_key: "errors.menteeHasCurator",
  Assessment_userId_draft_key: "errors.draftExists",
  CuratorRequest_learnerId_pending_key: "errors.requestPending",
  Organization_hromadaId_name_key: "errors.organizationExists",
  KnowledgeEntry_threadId_key: "errors.knowledgeEntryExists",
  GroupAdmission_one_pending: "errors.admissionPending",
  WorkshopRegistration_active_key: "errors.workshopAlreadyRegistered",
  SecondFactor_one_totp_per_user: "errors.totpExists",
  SecondFactor_credentialId_key: "errors.passkeyExists",
};

/** The AppError a refused write becomes (409, or 422 for a value out of range), or null if it was no such refusal. */
export function constraintError(error: unknown): AppError | null {
  const violation = findConstraintViolation(error);
  if (!violation) return null;
  switch (violation.kind) {
    case "unique":
      return new AppError("conflict", (violation.constraint && UNIQUE_MESSAGES[violation.constraint]) || "errors.conflict");
    case "check":
      return new AppError("unprocessable", "errors.valueOutOfRange");
    case "foreign_key":
      return new AppError("conflict", "errors.referenceConflict");
    case "immutable":
      return new AppError("conflict", "errors.assessmentImmutable");
  }
}

/** True when the error is the given unique index refusing a second row. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const violation = findConstraintViolation(error);
  return violation?.kind === "unique" && violation.constraint === constraint;
}
