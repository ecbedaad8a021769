import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./http/forwarded-for.mjs";

/**
 * The one place that reads process.env. Values are validated once and typed.
 * "Production" means NODE_ENV=production on a PostgreSQL DATABASE_URL: the embedded quick start
 * (`npm start`, which runs Next in production mode) is a demo, never production data.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Сходинки <no-reply@skhodynky.local>"),
  DATA_DIR: z.string().optional(),
  /** Port of `npm start` / `npm run serve`; without APP_URL, mailed links point at it. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** More origins a deployment with APP_URL accepts writes from, comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const origins: string[] = [];
      for (const entry of (text ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        const origin = originOf(entry);
        if (!origin) ctx.addIssue({ code: "custom", message: `"${entry}" is not an origin like https://app.example.org` });
        else origins.push(origin);
      }
      return origins;
    }),
  /** Proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDR ranges (IPv4, IPv6). */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const parsed = parseTrustedProxies(text);
      if (parsed.ok) return parsed.entries;
      ctx.addIssue({ code: "custom", message: `"${parsed.invalid}" is not an IP address or CIDR range` });
      return [];
    }),
  /** Or: how many proxies stand in front of the app (each appends to X-Forwarded-For). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Days the audit trail keeps an entry (decision 050) before the daily purge removes it: 400 by
   * default (a year and a review's margin); at least 30, so an incident is still traceable.
   */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(400),
  /** Period of reminders and digests (15 minutes); tests shorten it to see several servers race. */
  JOB_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60 * 1000),
  /**
   * Uploaded files (decision 029): "local" keeps them under FILES_DIR (default .data/files) and
   * suits one app server; "s3" puts them in an S3-compatible bucket, which several servers share.
   * Unset: "s3" when S3_BUCKET is set, otherwise "local".
   */
  FILE_STORAGE: z.enum(["local", "s3"]).optional(),
  FILES_DIR: z.string().optional(),
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://minio.internal:9000; AWS's regional endpoint when unset. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "a bucket name: 3–63 of a–z 0–9 . -")
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address the bucket as endpoint/bucket/key (MinIO, most self-hosted stores) rather than bucket.endpoint/key. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

/** The origin of an http(s) address that is only an origin (a trailing slash allowed), else null. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    const isBare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    return (url.protocol === "https:" || url.protocol === "http:") && isBare ? url.origin : null;
  } catch {
    return null;
  }
}

export type TEnv = z.infer<typeof ZEnv> & {
  isProduction: boolean;
  appUrl: string;
  /** The origin of APP_URL (or NEXTAUTH_URL) when configured; null means "the address the browser used". */
  configuredOrigin: string | null;
  dataDir: string;
  /** Where uploaded files go; see `FILE_STORAGE`. */
  fileStorage: FileStorageSettings;
};

export type S3Settings = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};
export type FileStorageSettings = { driver: "local"; dir: string } | ({ driver: "s3" } & S3Settings);

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === "production" && Boolean(env.DATABASE_URL);
  if (isProduction && !env.SMTP_URL) {
    throw new Error(
      "SMTP_URL is not set. Production must send mail through SMTP: without it, password-reset and invitation links would wait in the outbox that every admin can read. Set e.g. SMTP_URL=smtps://user:pass@smtp.example.org:465.",
    );
  }
  const configured = env.APP_URL ?? env.NEXTAUTH_URL;
  const dataDir = env.DATA_DIR ?? join(process.cwd(), ".data");
  cached = {
    ...env,
    isProduction,
    appUrl: (configured ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    configuredOrigin: configured ? new URL(configured).origin : null,
    dataDir,
    fileStorage: fileStorageSettings(env, dataDir),
  };
  return cached;
}

function fileStorageSettings(env: z.infer<typeof ZEnv>, dataDir: string): FileStorageSettings {
  const driver = env.FILE_STORAGE ?? (env.S3_BUCKET ? "s3" : "local");
  if (driver === "local") return { driver, dir: env.FILES_DIR ?? join(dataDir, "files") };
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
    throw new Error(
      "Invalid configuration: FILE_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT for a store other than AWS).",
    );
  }
  return {
    driver,
    endpoint: (env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`).replace(/\/$/, ""),
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/**
 * next-auth 4 learns its own address only from NEXTAUTH_URL, or, with AUTH_TRUST_HOST, from the
 * request's Host. Give it the answer the origin rule gives (server/http/origin.ts): the configured
 * address when there is one, otherwise the address the browser used.
 */
export function shareAppUrlWithNextAuth(): void {
  const env = getEnv();
  if (env.configuredOrigin) process.env.NEXTAUTH_URL = env.appUrl;
  else process.env.AUTH_TRUST_HOST = "true";
}

/**
 * Settings read afresh on every call rather than cached with the rest: the database and content
 * locations, which tests and benchmarks point elsewhere while a process runs.
 */
export function getDatabaseSettings(): { url: string | undefined; pgliteDir: string; poolSize: number } {
  const url = process.env.DATABASE_URL || undefined;
  const poolSize = Number(process.env.DATABASE_POOL_SIZE || 10);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 200) throw new Error("Invalid configuration: DATABASE_POOL_SIZE: a whole number from 1 to 200");
  return { url, pgliteDir: process.env.PGLITE_DATA_DIR || join(process.cwd(), ".data", "pglite"), poolSize };
}

/** Where the content sources are (the framework, lessons, walkthroughs). */
export function getContentDir(): string {
  return process.env.CONTENT_DIR || join(process.cwd(), "content");
}

/** Where `npm run content:build` writes compiled lessons and walkthroughs. */
export function getCompiledContentDir(): string {
  return process.env.COMPILED_CONTENT_DIR || join(process.cwd(), ".content");
}

/** Background jobs run in a production server unless BACKGROUND_JOBS=off (the e2e server turns them off). */
export function backgroundJobsEnabled(): boolean {
  return process.env.NODE_ENV === "production" && process.env.BACKGROUND_JOBS !== "off";
}

/** For tests that change the environment between cases. */
export function resetEnvCacheForTests(): void {
  cached = undefined;
  cachedSecret = undefined;
}

let cachedSecret: string | undefined;

/**
 * The secret that signs session tokens. In production it must be configured; for the
 * zero-configuration quick start one is created under .data/ on first use and kept.
 */
export function getAuthSecret(): string {
  if (cachedSecret) return cachedSecret;
  const env = getEnv();
  const configured = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (configured) return (cachedSecret = configured);
  if (env.isProduction) {
    throw new Error("AUTH_SECRET is not set. Production needs a secret of at least 32 characters, e.g. `openssl rand -base64 48`.");
  }
  const file = join(env.dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return (cachedSecret = stored);
  }
  mkdirSync(env.dataDir, { recursive: true });
  const created = randomBytes(48).toString("base64url");
  writeFileSync(file, created + "\n", { mode: 0o600 });
  return (cachedSecret = created);
}
