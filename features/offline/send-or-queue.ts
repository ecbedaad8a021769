"use client";

import { ApiError, callApi, newKey } from "@/ui/api-client";
import type { OutboxWrite } from "./outbox-rules";
import { queueWrite } from "./outbox";
import { sessionUserId } from "./session-user";

export type Sent<T> = { state: "sent"; data: T } | { state: "queued"; key: string; userId: string };

/**
 * A learner's write: sent at once when the server can be reached; otherwise (no connection, the
 * server unavailable) kept in the outbox for the person signed in, with the same key, and sent
 * when the connection returns. A refusal (bad input, no right) is thrown for the page to show now.
 */
export async function sendOrQueue<T>(write: OutboxWrite, offlineMessage: string, options: { supersedes?: boolean; key?: string } = {}): Promise<Sent<T>> {
  const key = options.key ?? newKey();
  try {
    return { state: "sent", data: await callApi<T>(write.method, write.path, write.body, key, offlineMessage) };
  } catch (error) {
    const userId = sessionUserId();
    if (error instanceof ApiError && error.retryable && userId) {
      await queueWrite(userId, write, key, Date.now(), options.supersedes);
      return { state: "queued", key, userId };
    }
    throw error;
  }
}
