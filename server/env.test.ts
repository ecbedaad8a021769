import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { getAuthSecret, getEnv, resetEnvCacheForTests, shareAppUrlWithNextAuth } from "./env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

function freshEnv(vars: Record<string, string | undefined>) {
  process.env = { ...saved };
  const keys = [
    "AUTH_SECRET",
    "NEXTAUTH_SECRET",
    "DATABASE_URL",
    "NODE_ENV",
    "DATA_DIR",
    "SMTP_URL",
    "APP_URL",
    "NEXTAUTH_URL",
    "PORT",
    "ALLOWED_ORIGINS",
    "TRUSTED_PROXIES",
    "TRUSTED_PROXY_HOPS",
    "AUTH_TRUST_HOST",
    "AUDIT_RETENTION_DAYS",
  ];
  for (const key of keys) delete process.env[key];
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
    freshEnv({ DATA_DIR: dir, NODE_ENV: "production", DATABASE_URL: "postgresql://app@db.internal:5432/skhodynky", SMTP_URL: "smtp://mail.internal:25" });
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

describe("mail in production", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://app@db.internal:5432/skhodynky", AUTH_SECRET: "s".repeat(40) };

  it("refuses to start without SMTP_URL, so reset and invitation links never wait in the admins' outbox", () => {
    freshEnv(production);
    expect(() => getEnv()).toThrow(/SMTP_URL is not set/);
  });

  it("starts with SMTP_URL, and the embedded demo keeps its outbox", () => {
    freshEnv({ ...production, SMTP_URL: "smtps://user:pass@smtp.example.org:465" });
    expect(getEnv().isProduction).toBe(true);
    // `npm start` on the embedded database is a demo: no SMTP needed, mail goes to the outbox.
    freshEnv({ NODE_ENV: "production" });
    expect(getEnv().isProduction).toBe(false);
  });
});

describe("addresses", () => {
  it("without APP_URL, mailed links follow PORT and no origin is configured", () => {
    freshEnv({ PORT: "3201" });
    expect(getEnv().appUrl).toBe("http://localhost:3201");
    expect(getEnv().configuredOrigin).toBeNull();
    freshEnv({});
    expect(getEnv().appUrl).toBe("http://localhost:3000");
  });

  it("APP_URL (or NEXTAUTH_URL) sets the links and the configured origin", () => {
    freshEnv({ APP_URL: "https://skhodynky.example.org/", PORT: "8080" });
    expect(getEnv().appUrl).toBe("https://skhodynky.example.org");
    expect(getEnv().configuredOrigin).toBe("https://skhodynky.example.org");
    freshEnv({ NEXTAUTH_URL: "http://10.0.0.2:3000" });
    expect(getEnv().configuredOrigin).toBe("http://10.0.0.2:3000");
  });

  it("reads ALLOWED_ORIGINS as origins and refuses anything else", () => {
    freshEnv({ ALLOWED_ORIGINS: "https://a.example.org, http://10.0.0.2:3000/" });
    expect(getEnv().ALLOWED_ORIGINS).toEqual(["https://a.example.org", "http://10.0.0.2:3000"]);
    freshEnv({ ALLOWED_ORIGINS: "https://a.example.org/app" });
    expect(() => getEnv()).toThrow(/ALLOWED_ORIGINS: "https:\/\/a.example.org\/app" is not an origin/);
    freshEnv({ ALLOWED_ORIGINS: "a.example.org" });
    expect(() => getEnv()).toThrow(/ALLOWED_ORIGINS/);
  });

  it("validates TRUSTED_PROXIES, TRUSTED_PROXY_HOPS and PORT", () => {
    freshEnv({ TRUSTED_PROXIES: "10.0.0.0/8, ::1", TRUSTED_PROXY_HOPS: "2" });
    expect(getEnv().TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "::1"]);
    expect(getEnv().TRUSTED_PROXY_HOPS).toBe(2);
    freshEnv({ TRUSTED_PROXIES: "10.0.0.0/40" });
    expect(() => getEnv()).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/40" is not an IP address or CIDR range/);
    freshEnv({ TRUSTED_PROXY_HOPS: "-1" });
    expect(() => getEnv()).toThrow(/TRUSTED_PROXY_HOPS/);
    freshEnv({ PORT: "http" });
    expect(() => getEnv()).toThrow(/PORT/);
  });

  it("keeps the audit trail 400 days unless told otherwise, and never less than 30", () => {
    freshEnv({});
    expect(getEnv().AUDIT_RETENTION_DAYS).toBe(400);
    freshEnv({ AUDIT_RETENTION_DAYS: "730" });
    expect(getEnv().AUDIT_RETENTION_DAYS).toBe(730);
    freshEnv({ AUDIT_RETENTION_DAYS: "29" });
    expect(() => getEnv()).toThrow(/AUDIT_RETENTION_DAYS/);
    freshEnv({ AUDIT_RETENTION_DAYS: "a year" });
    expect(() => getEnv()).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it("tells next-auth the configured address, or to follow the request's host", () => {
    freshEnv({ APP_URL: "https://skhodynky.example.org" });
    shareAppUrlWithNextAuth();
    expect(process.env.NEXTAUTH_URL).toBe("https://skhodynky.example.org");
    expect(process.env.AUTH_TRUST_HOST).toBeUndefined();
    freshEnv({});
    shareAppUrlWithNextAuth();
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    expect(process.env.AUTH_TRUST_HOST).toBe("true");
  });
});
