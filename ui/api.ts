"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRef } from "react";
import { getQueryClient } from "./query-client";
import { ApiError, callApi, newKey } from "./api-client";

export { ApiError, callApi, newKey };
export type { ApiErrorBody } from "./api-client";

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
