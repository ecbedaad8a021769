"use client";

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { newKey } from "@/ui/api-client";
import { backoffMs, classifyResponse, isExpired, type OutboxItem, type OutboxWrite } from "./outbox-rules";

/**
 * The one outbox for a learner's writes (issue 13, decision 034): IndexedDB, so it survives reloads
 * and browser restarts; every item belongs to the person who made it and is sent only under that
 * person's session (the server refuses it under anyone else's, see `X-Outbox-User`), with the
 * idempotency key made when it was queued, oldest first. A write the server refuses stays, shown
 * with the reason, until its person retries or discards it: nothing is dropped silently.
 */
interface OutboxDb extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { byUser: [string, number] } };
}

const DB_NAME = "skhodynky-outbox";
const CHANNEL = "skhodynky-outbox";
let database: Promise<IDBPDatabase<OutboxDb>> | null = null;

function db(): Promise<IDBPDatabase<OutboxDb>> {
  database ??= openDB<OutboxDb>(DB_NAME, 1, {
    upgrade(upgrade) {
      const items = upgrade.createObjectStore("items", { keyPath: "key" });
      items.createIndex("byUser", ["userId", "createdAt"]);
    },
  });
  return database;
}

/** Tells this tab and the others that the outbox changed (the indicator and lists re-read it). */
function announce(): void {
  window.dispatchEvent(new Event(CHANNEL));
  if ("BroadcastChannel" in window) new BroadcastChannel(CHANNEL).postMessage("changed");
}

export function onOutboxChange(listener: () => void): () => void {
  window.addEventListener(CHANNEL, listener);
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener("message", listener);
  return () => {
    window.removeEventListener(CHANNEL, listener);
    channel?.close();
  };
}

/**
 * Keeps a write for its person, with the key it was (or will be) first sent with. A write that
 * `supersedes` (where a learner stands in a lesson) replaces a waiting one to the same address:
 * only the last place matters.
 */
export async function queueWrite(userId: string, write: OutboxWrite, key = newKey(), now = Date.now(), supersedes = false): Promise<OutboxItem> {
  const item: OutboxItem = { ...write, key, userId, createdAt: now, attempts: 0, nextAttemptAt: now, state: "waiting" };
  const store = (await db()).transaction("items", "readwrite").store;
  if (supersedes) {
    for (const old of await store.index("byUser").getAll(IDBKeyRange.bound([userId, 0], [userId, Number.MAX_SAFE_INTEGER]))) {
      if (old.state === "waiting" && old.method === write.method && old.path === write.path) await store.delete(old.key);
    }
  }
  await store.put(item);
  announce();
  return item;
}

/** The person's items, oldest first. Never another person's. */
export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  return (await db()).getAllFromIndex("items", "byUser", IDBKeyRange.bound([userId, 0], [userId, Number.MAX_SAFE_INTEGER]));
}

export async function discardItem(userId: string, key: string): Promise<void> {
  const store = (await db()).transaction("items", "readwrite").store;
  const item = await store.get(key);
  if (item?.userId === userId) await store.delete(key);
  announce();
}

/** A refused item goes back to waiting (after its person fixed what the reason said, e.g. signed in again). */
export async function retryItem(userId: string, key: string): Promise<void> {
  const store = (await db()).transaction("items", "readwrite").store;
  const item = await store.get(key);
  if (item?.userId === userId) await store.put({ ...item, state: "waiting", attempts: 0, nextAttemptAt: Date.now(), error: undefined });
  announce();
}

/** Moves the list the old player kept in localStorage (before the outbox) to the person signed in now. */
async function adoptLegacyQueue(userId: string): Promise<void> {
  const LEGACY = "skhodynky:pending";
  let legacy: { method: string; path: string; body: unknown; key: string }[] = [];
  try {
    legacy = JSON.parse(localStorage.getItem(LEGACY) ?? "[]") as typeof legacy;
  } catch {
    legacy = [];
  }
  if (!Array.isArray(legacy) || legacy.length === 0) return;
  const base = Date.now() - legacy.length;
  for (const [i, r] of legacy.entries()) {
    if (r.method === "POST" || r.method === "PUT") await queueWrite(userId, { method: r.method, path: r.path, body: r.body, label: "" }, r.key, base + i);
  }
  localStorage.removeItem(LEGACY);
}

export type SendResult = { sent: number; refused: number; stoppedBy: null | "offline" | "signedOut" | "otherUser" | "busy" | "later" };

/**
 * Sends the person's waiting items in the order they were made, one at a time (a write may depend
 * on the one before it). Stops at the first that meets no connection, a signed-out or different
 * session, or a busy server (then waits longer each time, Retry-After first). Only one tab sends at
 * a time where the browser has Web Locks; without them a second send is harmless, as every item
 * keeps its key.
 */
export async function sendOutbox(userId: string, now = Date.now()): Promise<SendResult> {
  const run = async (): Promise<SendResult> => {
    await adoptLegacyQueue(userId);
    const result: SendResult = { sent: 0, refused: 0, stoppedBy: null };
    for (const item of await listOutbox(userId)) {
      if (item.state !== "waiting") continue;
      if (isExpired(item, now)) {
        await (await db()).put("items", { ...item, state: "refused", error: { status: 0, message: "" } });
        result.refused += 1;
        continue;
      }
      if (item.nextAttemptAt > now) {
        result.stoppedBy = "later";
        break;
      }
      let response: Response;
      try {
        response = await fetch(item.path, {
          method: item.method,
          headers: { "Content-Type": "application/json", "Idempotency-Key": item.key, "X-Outbox-User": item.userId },
          body: JSON.stringify(item.body),
          credentials: "same-origin",
        });
      } catch {
        result.stoppedBy = "offline";
        break;
      }
      const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      const verdict = classifyResponse(response.status, body?.error?.code);
      if (verdict === "done") {
        await (await db()).delete("items", item.key);
        result.sent += 1;
      } else if (verdict === "refused") {
        await (await db()).put("items", { ...item, state: "refused", error: { status: response.status, message: body?.error?.message ?? "" } });
        result.refused += 1;
      } else if (verdict === "retryLater") {
        const retryAfter = Number(response.headers.get("Retry-After"));
        const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoffMs(item.attempts + 1);
        await (await db()).put("items", { ...item, attempts: item.attempts + 1, nextAttemptAt: now + wait });
        result.stoppedBy = "busy";
        break;
      } else {
        result.stoppedBy = verdict;
        break;
      }
    }
    if (result.sent || result.refused) announce();
    return result;
  };
  if ("locks" in navigator) {
    return navigator.locks.request("skhodynky-outbox", { ifAvailable: true }, (lock) => (lock ? run() : { sent: 0, refused: 0, stoppedBy: "busy" as const }));
  }
  return run();
}
