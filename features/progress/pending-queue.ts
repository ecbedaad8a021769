"use client";

/**
 * Work finished without a connection waits in localStorage with the idempotency key it was first
 * sent with, and is sent again when the connection returns: a replay can never record it twice,
 * and the server dates it by `doneAt`, so it counts on the day it was done.
 */
const STORAGE_KEY = "skhodynky:pending";

export type PendingRequest = { method: string; path: string; body: unknown; key: string };

function read(): PendingRequest[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as PendingRequest[]) : [];
  } catch {
    return [];
  }
}

function write(list: PendingRequest[]) {
  try {
    if (list.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: nothing more can be kept.
  }
}

export function enqueue(request: PendingRequest) {
  write([...read().filter((r) => r.key !== request.key), request]);
}

export function pendingCount(): number {
  return read().length;
}

/**
 * Sends what waits, oldest first. A request the server answered (accepted or refused as invalid)
 * leaves the queue; one that met no connection or a server outage stays for the next try.
 * Returns how many were accepted.
 */
export async function flush(): Promise<number> {
  let accepted = 0;
  for (const request of read()) {
    let status = 0;
    try {
      const response = await fetch(request.path, {
        method: request.method,
        headers: { "Content-Type": "application/json", "Idempotency-Key": request.key },
        body: JSON.stringify(request.body),
        credentials: "same-origin",
      });
      status = response.status;
    } catch {
      return accepted;
    }
    if (status === 503 || status === 429 || status === 401) return accepted;
    if (status < 300) accepted += 1;
    write(read().filter((r) => r.key !== request.key));
  }
  return accepted;
}
