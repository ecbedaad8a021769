import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { resetEnvCacheForTests } from "../env";
import { decodeSessionToken } from "./session-token";

const saved = { ...process.env };
beforeEach(() => {
  process.env.AUTH_SECRET = "a-test-secret-of-at-least-thirty-two-characters";
  resetEnvCacheForTests();
});
afterEach(() => {
  vi.useRealTimers();
  process.env = { ...saved };
  resetEnvCacheForTests();
});

const claims = { uid: "u1", sv: 1, authTime: 1, sid: "s1" };

describe("decodeSessionToken", () => {
  it("reads a token, and the same token again from memory until it expires", async () => {
    const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, maxAge: 60 });
    const first = await decodeSessionToken(token);
    expect(first).toMatchObject(claims);
    expect(await decodeSessionToken(token)).toBe(first);
    // Past its expiry the kept payload is not used: decoding again refuses the expired token.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 120_000);
    await expect(decodeSessionToken(token)).rejects.toThrow();
  });

  it("refuses a token once the secret has changed, even one it has read before", async () => {
    const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, maxAge: 60 });
    expect(await decodeSessionToken(token)).toMatchObject(claims);
    process.env.AUTH_SECRET = "another-secret-of-at-least-thirty-two-characters";
    resetEnvCacheForTests();
    await expect(decodeSessionToken(token)).rejects.toThrow();
  });

  it("refuses what is not a token", async () => {
    await expect(decodeSessionToken("not-a-token")).rejects.toThrow();
  });
});
