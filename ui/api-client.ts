/**
 * The write API from the browser without a data library: JSON in, typed errors out. Pages that
 * must stay light (the lesson player, review) use it directly; `ui/api.ts` builds TanStack
 * mutations on it for forms.
 */
export type ApiErrorBody = {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  rows?: { row: number; field: string; message: string }[];
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly retryable: boolean,
  ) {
    super(body.message);
    this.name = "ApiError";
  }
}

/** What to tell the person about a failed call: the first field's message, else the error's, else `fallback` (offline, or not an API error). */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (Object.values(error.body.fields ?? {})[0]?.[0] ?? error.message) : fallback;
}

export function newKey(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Calls a /api/v1 endpoint with JSON and an Idempotency-Key (none when the key is empty: for
 * naturally idempotent writes such as a PUT of the same value); throws ApiError with a user-facing message.
 */
export async function callApi<T>(method: string, path: string, body: unknown, idempotencyKey: string, offlineMessage: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { "Content-Type": "application/json", ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, { code: "offline", message: offlineMessage }, true);
  }
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: ApiErrorBody } | null)?.error ?? { code: "http_" + response.status, message: offlineMessage };
    // Unavailable, or this key's first request still running: the same key may be sent again.
    throw new ApiError(response.status, error, response.status === 503 || (response.status === 409 && error.code === "in_progress"));
  }
  return data as T;
}
