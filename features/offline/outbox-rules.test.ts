import { describe, expect, it } from "vitest";
import { backoffMs, classifyResponse, isExpired, OUTBOX_KEEP_MS } from "./outbox-rules";

describe("how the outbox reads an answer", () => {
  it("keeps nothing the server took, a first answer or a replay it recognised", () => {
    for (const status of [200, 201, 204]) expect(classifyResponse(status)).toBe("done");
  });
  it("keeps a write for its person when the session is someone else's, or nobody's", () => {
    expect(classifyResponse(409, "wrong_user")).toBe("otherUser");
    expect(classifyResponse(401, "unauthenticated")).toBe("signedOut");
  });
  it("tries again later when the server is busy or failing", () => {
    for (const status of [429, 500, 502, 503, 504]) expect(classifyResponse(status)).toBe("retryLater");
  });
  it("tries again later while the same write's first request is still running (or until it counts as abandoned)", () => {
    expect(classifyResponse(409, "in_progress")).toBe("retryLater");
  });
  it("shows every other refusal to its person, a conflict of another kind included", () => {
    for (const [status, code] of [
      [400, "validation_failed"],
      [403, "forbidden"],
      [404, "not_found"],
      [409, "conflict"],
      [422, "unprocessable"],
    ] as const)
      expect(classifyResponse(status, code)).toBe("refused");
  });
});

describe("waiting and keeping", () => {
  it("doubles the wait from 5 seconds up to 10 minutes", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(20)).toBe(600_000);
    expect(backoffMs(0)).toBe(5_000);
  });
  it("keeps an item at least 30 days (40), and inside the server's 45 days of idempotency keys", async () => {
    const { RETENTION_MS } = await import("../../server/jobs/retention");
    expect(OUTBOX_KEEP_MS).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(OUTBOX_KEEP_MS).toBeLessThan(RETENTION_MS.idempotencyRecord);
    const now = Date.now();
    expect(isExpired({ createdAt: now - 30 * 86_400_000 }, now)).toBe(false);
    expect(isExpired({ createdAt: now - OUTBOX_KEEP_MS - 1 }, now)).toBe(true);
  });
});
