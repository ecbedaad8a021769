// The end-to-end server: the production build on a fresh embedded database of its own
// (.data/e2e), migrated and seeded, so journeys start from the demo world every run.
import { spawnSync, spawn } from "node:child_process";
import { rmSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const bin = (name) => join(root, "node_modules", ".bin", name);
const port = process.env.E2E_PORT ?? "3100";
const dataDir = join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  DATABASE_URL: "",
  PGLITE_DATA_DIR: join(dataDir, "pglite"),
  DATA_DIR: dataDir,
  APP_URL: `http://localhost:${port}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  // Journeys read the outbox: no digests or reminders may arrive in the middle of one.
  BACKGROUND_JOBS: "off",
};
if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (npm test does).");
  process.exit(1);
}
for (const args of [["scripts/db/migrate.ts"], ["--conditions=react-server", "prisma/seed.ts"]]) {
  const result = spawnSync(bin("tsx"), args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
