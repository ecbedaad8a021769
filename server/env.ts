import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { z } from "zod";

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
});

export type TEnv = z.infer<typeof ZEnv> & {
  isProduction: boolean;
  appUrl: string;
  dataDir: string;
};

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    isProduction: env.NODE_ENV === "production" && Boolean(env.DATABASE_URL),
    appUrl: (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    dataDir: env.DATA_DIR ?? join(process.cwd(), ".data"),
  };
  return cached;
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
    throw new Error(
      "AUTH_SECRET is not set. Production needs a secret of at least 32 characters, e.g. `openssl rand -base64 48`.",
    );
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
