import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: r("./") },
      // Server-only modules are tested directly; the guard matters only in the Next bundle.
      { find: /^server-only$/, replacement: r("./tests/setup/empty.ts") },
    ],
  },
  test: {
    environment: "node",
    // *.pg.test.ts need a real PostgreSQL server (outages, pools): they run in the PostgreSQL pass.
    include: process.env.TEST_DB === "postgres" ? ["tests/integration/**/*.test.ts"] : ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", ...(process.env.TEST_DB === "postgres" ? [] : ["**/*.pg.test.ts"])],
    // Compiles the content into .content/ when it is missing or stale, once per run.
    globalSetup: [r("./tests/setup/global.ts")],
    setupFiles: [r("./tests/setup/fail-on-console-error.ts"), r("./tests/setup/next-request.ts"), r("./tests/setup/database.ts")],
    // Two cores: two workers, each with its own in-memory database.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
