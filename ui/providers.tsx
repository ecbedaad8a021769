"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 60_000, retry: 2, refetchOnWindowFocus: false },
          // Writes carry an Idempotency-Key, so retrying after a dropped connection is safe.
          mutations: { retry: (count, error) => count < 3 && isRetryable(error), retryDelay: (n) => Math.min(1000 * 2 ** n, 8000) },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function isRetryable(error: unknown): boolean {
  return error instanceof Error && "retryable" in error && (error as { retryable: boolean }).retryable;
}
