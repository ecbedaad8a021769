import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { lockPgliteDir } from "./pglite-lock";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { inMemoryTemplate } from "./pglite-template";
import { getDatabaseSettings } from "../env";

/**
 * Chooses the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite
 * under .data/pglite (or in memory with PGLITE_DATA_DIR=memory://, which each test worker uses).
 * PGlite allows one connection per process, so the client is a process-wide singleton.
 */
type Holder = { prisma?: PrismaClient; pglite?: PGlite; unlock?: () => void };
const holder = globalThis as typeof globalThis & { __skhodynkyDb?: Holder };
const state: Holder = (holder.__skhodynkyDb ??= {});

export function resolvePgliteDir(): string {
  return getDatabaseSettings().pgliteDir;
}

export function getDb(): PrismaClient {
  if (state.prisma) return state.prisma;
  const { url, poolSize } = getDatabaseSettings();
  if (url) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 5_000,
    });
    state.prisma = new PrismaClient({ adapter });
  } else {
    state.prisma = new PrismaClient({ adapter: new PrismaPGlite(getPglite()) });
  }
  return state.prisma;
}

/** The embedded database instance (tests migrate it in place). */
export function getPglite(): PGlite {
  if (state.pglite) return state.pglite;
  const dir = resolvePgliteDir();
  if (!dir.startsWith("memory://")) {
    mkdirSync(dir, { recursive: true });
    state.unlock = lockPgliteDir(dir);
  }
  const template = dir.startsWith("memory://") ? inMemoryTemplate() : undefined;
  state.pglite = new PGlite(dir, { extensions: PGLITE_EXTENSIONS, ...(template ? { loadDataDir: template } : {}) });
  return state.pglite;
}

export async function disconnectDb(): Promise<void> {
  await state.prisma?.$disconnect();
  await state.pglite?.close();
  state.unlock?.();
  state.prisma = undefined;
  state.pglite = undefined;
  state.unlock = undefined;
}

export type { PrismaClient };
export { Prisma } from "./generated/client";
export { Role, Locale, UserStatus, OrganizationKind } from "./generated/enums";
