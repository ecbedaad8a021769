import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Two production servers on one PostgreSQL database, after the production build (npm test runs
 * it when TEST_DATABASE_URL is set). Its file ends in .pg.test.ts, so the two passes of the main
 * suite, which neither build nor start servers, leave it out.
 */
export default defineConfig({
  root: r("../.."),
  resolve: {
    alias: [
      { find: /^@\//, replacement: r("../../") },
      { find: /^server-only$/, replacement: r("../setup/empty.ts") },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/multi-server/**/*.test.ts"],
    setupFiles: [r("../setup/fail-on-console-error.ts")],
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
