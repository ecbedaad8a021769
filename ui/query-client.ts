import { QueryClient } from "@tanstack/react-query";

/**
 * The app's TanStack Query client. Mutation hooks take it directly instead of from a provider
 * around every page, so only pages that write ship TanStack Query (see docs/decisions/009).
 * In the browser one client lives as long as the page and is mounted like a provider would mount
 * it, so a mutation paused while offline resumes when the connection returns. On the server each
 * render gets a fresh client: nothing runs there, and nothing is shared between requests.
 */
let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserClient) {
    browserClient = makeQueryClient();
    browserClient.mount();
  }
  return browserClient;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, retry: 2, refetchOnWindowFocus: false },
      // Writes carry an Idempotency-Key, so retrying after a dropped connection is safe.
      mutations: { retry: (count, error) => count < 3 && isRetryable(error), retryDelay: (n) => Math.min(1000 * 2 ** n, 8000) },
    },
  });
}

function isRetryable(error: unknown): boolean {
  return error instanceof Error && "retryable" in error && (error as { retryable: boolean }).retryable;
}
