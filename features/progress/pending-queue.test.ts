import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueue, flush, pendingCount } from "./pending-queue";

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const completion = (key: string) => ({
  method: "POST",
  path: "/api/v1/lessons/strong-passwords/completion",
  body: { doneAt: "2026-11-22T21:40:00.000Z", minutes: 4, answers: [] },
  key,
});

describe("work waiting for the connection", () => {
  beforeEach(() => vi.stubGlobal("localStorage", new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it("is kept once per idempotency key and sent again with that same key and its original doneAt", async () => {
    enqueue(completion("k1"));
    enqueue(completion("k1"));
    expect(pendingCount()).toBe(1);
    const sent: { key: string | null; body: unknown }[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      sent.push({ key: new Headers(init.headers).get("Idempotency-Key"), body: JSON.parse(String(init.body)) });
      return new Response("{}", { status: 201 });
    });
    expect(await flush()).toBe(1);
    expect(sent).toEqual([{ key: "k1", body: completion("k1").body }]);
    expect(pendingCount()).toBe(0);
  });

  it("stays while there is no connection or the server is unavailable, and leaves once the server has answered", async () => {
    enqueue(completion("a"));
    enqueue(completion("b"));
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await flush()).toBe(0);
    expect(pendingCount()).toBe(2);

    vi.stubGlobal("fetch", async () => new Response("{}", { status: 503 }));
    expect(await flush()).toBe(0);
    expect(pendingCount()).toBe(2);

    // A refusal (here: a lesson that no longer exists) is final; retrying it forever would help nobody.
    const statuses = [422, 201];
    vi.stubGlobal("fetch", async () => new Response("{}", { status: statuses.shift()! }));
    expect(await flush()).toBe(1);
    expect(pendingCount()).toBe(0);
  });
});
