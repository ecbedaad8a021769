// `npm test`: typecheck, lint, unit + integration tests on PGlite, the integration suite again on
// PostgreSQL when TEST_DATABASE_URL is set, a production build and its syntax for old browsers, and
// the end-to-end journeys.
import { spawn } from "node:child_process";
import { join } from "node:path";

const bin = (name) => join(process.cwd(), "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };

function run(label, cmd, args, env = {}) {
  console.info(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const forward = (stream, target) =>
      stream.on("data", (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on("close", (code) => resolve({ code: code ?? 1, output: output.replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), "") }));
  });
}

function count(output) {
  // Vitest: "Tests  12 passed | 1 failed (13)"; Playwright: "  12 passed (1.2m)" / "  1 failed".
  const vitest = output.match(/^\s*Tests\s+(.*)$/m);
  const line = vitest ? vitest[1] : output;
  const passed = Number(line.match(/(\d+) passed/)?.[1] ?? 0);
  const failed = Number(line.match(/(\d+) failed/)?.[1] ?? 0);
  return { passed, failed };
}

async function step(label, cmd, args, env, { counts = false } = {}) {
  const { code, output } = await run(label, cmd, args, env);
  if (counts) {
    const c = count(output);
    totals.passed += c.passed;
    totals.failed += c.failed;
  }
  if (code !== 0) {
    console.error(`\n✗ ${label} failed (exit ${code})`);
    console.info(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(code);
  }
}

await step("typecheck", bin("tsc"), ["--noEmit"]);
await step("lint", bin("eslint"), [".", "--max-warnings=0"]);
await step("format", bin("prettier"), ["--check", "."]);
await step("content check", bin("tsx"), ["--conditions=react-server", "scripts/content-check.ts"]);
await step("compile content", bin("tsx"), ["--conditions=react-server", "scripts/build-content.ts"]);
// Tests must not depend on each other's order: the PGlite pass runs files and the tests inside them
// shuffled, with a printed seed (TEST_SEED=<seed> npm test repeats an order); the PostgreSQL pass runs in order.
const seed = process.env.TEST_SEED ?? String(Math.floor(Math.random() * 1_000_000));
console.info(`\nVitest order: shuffled, seed ${seed} (repeat with: npx vitest run --sequence.shuffle --sequence.seed=${seed})`);
await step(
  "unit + integration (PGlite, shuffled)",
  bin("vitest"),
  ["run", "--sequence.shuffle", `--sequence.seed=${seed}`],
  { TEST_DB: "pglite" },
  { counts: true },
);
if (process.env.TEST_DATABASE_URL) {
  await step("integration (PostgreSQL)", bin("vitest"), ["run"], { TEST_DB: "postgres" }, { counts: true });
} else {
  console.info("\nTEST_DATABASE_URL is not set: the PostgreSQL pass of the integration suite does not run.");
}
await step("service worker", "node", ["scripts/build-sw.mjs"]);
await step("production build", bin("next"), ["build", "--webpack"], { NODE_ENV: "production" });
// What the build sends to browsers must parse in the oldest ones we support (decision 033).
await step("old-browser syntax (Chrome 109, Firefox 115)", "node", ["scripts/check-browser-syntax.mjs"]);
if (process.env.TEST_DATABASE_URL) {
  // Two servers of this build (`npm run serve`) on one throwaway PostgreSQL database (decision 017).
  await step("two servers on one PostgreSQL", bin("vitest"), ["run", "--config", "tests/multi-server/vitest.config.ts"], {}, { counts: true });
} else {
  console.info("\nTEST_DATABASE_URL is not set: the two-server test does not run.");
}
await step("end-to-end (Playwright, Chromium)", bin("playwright"), ["test"], {}, { counts: true });
console.info(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
