import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { getAuthSecret, getEnv, resetEnvCacheForTests } from "./env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

function freshEnv(vars: Record<string, string | undefined>) {
  process.env = { ...saved };
  for (const key of ["AUTH_SECRET", "NEXTAUTH_SECRET", "DATABASE_URL", "NODE_ENV", "DATA_DIR"]) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvCacheForTests();
}

describe("auth secret", () => {
  it("is created once under the data directory for the zero-configuration start, and kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "skh-secret-"));
    freshEnv({ DATA_DIR: dir, NODE_ENV: "production" });
    const first = getAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, "auth-secret"), "utf8").trim()).toBe(first);
    resetEnvCacheForTests();
    expect(getAuthSecret()).toBe(first);
  });

  it("is a clear start-up error in production (PostgreSQL) when not configured", () => {
    const dir = mkdtempSync(join(tmpdir(), "skh-secret-"));
    freshEnv({ DATA_DIR: dir, NODE_ENV: "production", DATABASE_URL: "postgresql://app@db.internal:5432/skhodynky" });
    expect(() => getAuthSecret()).toThrow(/AUTH_SECRET is not set/);
    expect(existsSync(join(dir, "auth-secret"))).toBe(false);
  });

  it("uses AUTH_SECRET or NEXTAUTH_SECRET when set", () => {
    freshEnv({ NEXTAUTH_SECRET: "n".repeat(40) });
    expect(getAuthSecret()).toBe("n".repeat(40));
    freshEnv({ AUTH_SECRET: "a".repeat(40), NEXTAUTH_SECRET: "n".repeat(40) });
    expect(getAuthSecret()).toBe("a".repeat(40));
  });

  it("rejects an invalid configuration with a readable message", () => {
    freshEnv({ DATABASE_URL: "not a url" });
    expect(() => getEnv()).toThrow(/Invalid configuration: DATABASE_URL/);
  });
});
