// The end-to-end server: the production build on a fresh embedded database of its own
// (.data/e2e), migrated and seeded with the demo world, configured like a fresh `npm start`
// (no APP_URL) and served by the production server, scripts/serve.mjs, inside this process so
// that the test factory (tests/e2e/server/factory-actions.ts) can use the app's own database
// client: the embedded database accepts one process only, and the factory must never be part of
// the app itself.
// The factory answers on a second port, on the loopback interface only, and only to requests
// that carry this run's secret (decision 019).
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import { timingSafeEqual } from "node:crypto";

const root = process.cwd();
const bin = (name) => join(root, "node_modules", ".bin", name);
const port = Number(process.env.E2E_PORT ?? 3100);
const factoryPort = Number(process.env.E2E_FACTORY_PORT ?? port + 1);
const factorySecret = process.env.E2E_FACTORY_SECRET ?? "";
if (factorySecret.length < 16) {
  console.error("E2E_FACTORY_SECRET (16+ characters) is required: playwright.config.ts sets it.");
  process.exit(1);
}
if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (npm test does).");
  process.exit(1);
}

const dataDir = join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });
// A fresh `npm start` has no public address configured: the app must work at whatever address
// the browser used (localhost, 127.0.0.1), and one journey checks exactly that.
delete process.env.APP_URL;
delete process.env.NEXTAUTH_URL;
const env = {
  ...process.env,
  DATABASE_URL: "",
  PGLITE_DATA_DIR: join(dataDir, "pglite"),
  DATA_DIR: dataDir,
  PORT: String(port),
  // Journeys read the outbox: no digests or reminders may arrive in the middle of one.
  BACKGROUND_JOBS: "off",
};

for (const args of [["scripts/db/migrate.ts"], ["--conditions=react-server", "prisma/seed.ts"]]) {
  const result = spawnSync(bin("tsx"), args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

Object.assign(process.env, env, { NODE_ENV: "production" });
// The production server itself (what `npm start` runs), loaded into this process.
await import("./serve.mjs");

// The health check opens the database through the app, which keeps its client on globalThis
// (server/db/client.ts); the factory borrows that client instead of opening a second one.
let health;
for (let attempt = 0; attempt < 50 && !health?.ok; attempt++) {
  health = await fetch(`http://localhost:${port}/api/v1/health`).catch(() => undefined);
  if (!health?.ok) await new Promise((resolve) => setTimeout(resolve, 200));
}
const db = globalThis.__skhodynkyDb?.prisma;
if (!health?.ok || !db) {
  console.error(`The app did not open its database (health ${health?.status ?? "unreachable"}).`);
  process.exit(1);
}
const { tsImport } = await import("tsx/esm/api");
const { runFactoryAction } = await tsImport("../tests/e2e/server/factory-actions.ts", import.meta.url);

function hasSecret(header) {
  const given = Buffer.from(typeof header === "string" ? header : "");
  const expected = Buffer.from(factorySecret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const factory = createServer(async (req, res) => {
  const answer = (status, body) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "POST" || !hasSecret(req.headers["x-e2e-factory-secret"])) return answer(404, { error: "not found" });
  let text = "";
  for await (const chunk of req) text += chunk;
  try {
    const payload = text ? JSON.parse(text) : {};
    const { status, body } = await runFactoryAction(db, new URL(req.url ?? "/", "http://factory").pathname.slice(1), payload);
    answer(status, body);
  } catch (error) {
    answer(500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
await new Promise((resolve) => factory.listen(factoryPort, "127.0.0.1", resolve));
console.info(`e2e: app on http://localhost:${port}, test factory on http://127.0.0.1:${factoryPort}`);

// serve.mjs stops the app on SIGINT/SIGTERM; the factory stops taking requests with it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => factory.close());
