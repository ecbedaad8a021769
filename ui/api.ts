"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRef } from "react";
import { getQueryClient } from "./query-client";

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
    throw new ApiError(response.status, error, response.status === 503);
  }
  return data as T;
}

/**
 * A TanStack Query mutation for one endpoint. The idempotency key is kept across automatic retries
 * of one submission and renewed after it settles, so a flaky connection never writes twice.
 * The query client comes from ui/query-client.ts rather than a provider, so no layout needs one.
 */
export function useApiMutation<TBody, TResult>(
  method: string,
  path: string | ((body: TBody) => string),
  offlineMessage: string,
  options?: Omit<UseMutationOptions<TResult, ApiError, TBody>, "mutationFn">,
) {
  const key = useRef<string | null>(null);
  return useMutation<TResult, ApiError, TBody>(
    {
      ...options,
      mutationFn: (body) => {
        key.current ??= newKey();
        const url = typeof path === "function" ? path(body) : path;
        return callApi<TResult>(method, url, method === "DELETE" ? undefined : body, key.current, offlineMessage);
      },
      onSettled: (...args) => {
        key.current = null;
        return options?.onSettled?.(...args);
      },
    },
    getQueryClient(),
  );
}
