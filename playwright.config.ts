import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// The test factory of scripts/e2e-server.mjs (decision 019). Workers inherit the runner's
// environment, so the secret made here is the one the server and every worker see.
process.env.E2E_FACTORY_PORT ??= String(PORT + 1);
process.env.E2E_FACTORY_SECRET ??= randomBytes(24).toString("hex");

export default defineConfig({
  testDir: "tests/e2e",
  // Every test makes its own people and places (tests/e2e/fixtures/test.ts), so tests pass alone
  // and in any order; one worker keeps the two cores for the server and the browser.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "uk-UA",
    timezoneId: "Europe/Kyiv",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/v1/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT), E2E_FACTORY_PORT: process.env.E2E_FACTORY_PORT, E2E_FACTORY_SECRET: process.env.E2E_FACTORY_SECRET },
    stdout: "pipe",
    stderr: "pipe",
  },
});
