// Throughput of the lesson page under load: signed in, N keep-alive connections (autocannon) request
// the page back to back for a fixed time, after a warm-up; then the same for an anonymous page to compare.
// Usage: build and start the app (npm run build && npm run serve, or npm start), then
//   BENCH_EMAIL=learner@demo.skhodynky.org BENCH_PASSWORD=Skhodynky-demo-2026 \
//     node bench/lesson-throughput.mjs [baseUrl] [lessonPath] [--duration 15] [--concurrency 10]
//     [--warmup 3] [--anonymous /sign-in]   (--anonymous "" skips the anonymous row)
// The load generator shares the machine with the server, so read the figures as relative.
// bench/budgets.ts imports `measureThroughput` for the budgets' server rows.
import autocannon from "autocannon";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { signInCookies } from "./page-weight.mjs";

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `connections` keep-alive connections request `path` back to back for `duration` seconds after a
 * `warmup` of as many seconds, as a browser would (compression accepted, the session's cookie).
 * Latencies are every response's time from autocannon (its own summary has no 95th percentile).
 */
export async function measureThroughput(base, path, { cookie = "", connections = 10, duration = 15, warmup = 3 } = {}) {
  const latencies = [];
  const statuses = new Map();
  let bytes = 0;
  const run = autocannon({
    url: new URL(path, base).toString(),
    connections,
    duration,
    timeout: 30,
    headers: { "accept-encoding": "gzip, deflate, br", ...(cookie ? { cookie } : {}) },
    ...(warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
  });
  run.on("response", (_client, status, responseBytes, ms) => {
    latencies.push(ms);
    bytes += responseBytes;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await run;
  const sorted = latencies.sort((a, b) => a - b);
  const n = sorted.length;
  const ok = statuses.get(200) ?? 0;
  const failures = result.errors + result.timeouts;
  const other = [...statuses].filter(([status]) => status !== 200).map(([status, count]) => `${status}×${count}`);
  if (failures) other.push(`network×${failures}`);
  return {
    page: path,
    requests: n,
    "req/s": Number((n / result.duration).toFixed(1)),
    "p50 ms": Number(percentile(sorted, 50).toFixed(1)),
    "p95 ms": Number(percentile(sorted, 95).toFixed(1)),
    "p99 ms": Number(percentile(sorted, 99).toFixed(1)),
    errors: n - ok + failures ? `${n - ok + failures} (${other.join(", ")})` : 0,
    "KB/req": Number((bytes / Math.max(n, 1) / 1024).toFixed(1)),
    "MB total": Number((bytes / 1024 / 1024).toFixed(1)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: "string", default: "15" },
      concurrency: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      anonymous: { type: "string", default: "/sign-in" },
    },
  });
  const base = new URL(positionals[0] ?? "http://localhost:3000").origin;
  const lessonPath = positionals[1] ?? "/lessons/strong-passwords";
  const options = { duration: Number(values.duration), connections: Number(values.concurrency), warmup: Number(values.warmup) };
  if (!(options.duration > 0) || !(options.connections >= 1) || !(options.warmup >= 0)) {
    console.error("--duration and --concurrency must be positive numbers, --warmup zero or more.");
    process.exit(2);
  }
  if (!process.env.BENCH_EMAIL || !process.env.BENCH_PASSWORD) {
    console.error("Set BENCH_EMAIL and BENCH_PASSWORD: the lesson page needs a signed-in learner.");
    process.exit(2);
  }
  const cookies = await signInCookies(base, process.env.BENCH_EMAIL, process.env.BENCH_PASSWORD);
  if (!cookies.some((c) => c.name.includes("session"))) {
    console.error("Sign-in failed; check BENCH_EMAIL and BENCH_PASSWORD.");
    process.exit(1);
  }
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  console.info(
    `${base}: ${options.duration} s per page after ${options.warmup} s warm-up, ${options.connections} concurrent keep-alive connections; ` +
      `load generator on the same host (${cpus().length} CPUs, Node ${process.versions.node}).`,
  );
  const rows = [{ session: "signed in", ...(await measureThroughput(base, lessonPath, { ...options, cookie })) }];
  if (values.anonymous) rows.push({ session: "anonymous", ...(await measureThroughput(base, values.anonymous, options)) });
  console.table(rows);
}
