// Throughput of the lesson page under load: signed in, N keep-alive connections request the page
// back to back for a fixed time, after a warm-up; then the same for an anonymous page to compare.
// Usage: build and start the app (npm run build && npm run serve, or npm start), then
//   BENCH_EMAIL=learner@demo.skhodynky.org BENCH_PASSWORD=Skhodynky-demo-2026 \
//     node bench/lesson-throughput.mjs [baseUrl] [lessonPath] [--duration 15] [--concurrency 10]
//     [--warmup 3] [--anonymous /sign-in]   (--anonymous "" skips the anonymous row)
// The load generator shares the machine with the server, so read the figures as relative.
import http from "node:http";
import https from "node:https";
import { cpus } from "node:os";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "15" },
    concurrency: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    anonymous: { type: "string", default: "/sign-in" },
  },
});
const base = new URL(positionals[0] ?? "http://localhost:3000");
const lessonPath = positionals[1] ?? "/lessons/strong-passwords";
const durationSeconds = Number(values.duration);
const concurrency = Number(values.concurrency);
const warmupSeconds = Number(values.warmup);
if (!(durationSeconds > 0) || !(concurrency >= 1) || !(warmupSeconds >= 0)) {
  console.error("--duration and --concurrency must be positive numbers, --warmup zero or more.");
  process.exit(2);
}

const transport = base.protocol === "https:" ? https : http;
const agent = new transport.Agent({ keepAlive: true, maxSockets: concurrency });

/** Signs in through next-auth's credentials callback, as bench/page-weight.mjs does. */
async function signIn() {
  const email = process.env.BENCH_EMAIL;
  const password = process.env.BENCH_PASSWORD;
  if (!email || !password) {
    console.error("Set BENCH_EMAIL and BENCH_PASSWORD: the lesson page needs a signed-in learner.");
    process.exit(2);
  }
  const origin = base.origin;
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  if (!session.some((c) => c.includes("session"))) {
    console.error(`Sign-in failed (HTTP ${res.status}); check BENCH_EMAIL and BENCH_PASSWORD.`);
    process.exit(1);
  }
  return session.concat(jar).join("; ");
}

/** One GET as a browser would send it (gzip accepted); resolves with status, time and body bytes. */
function request(path, cookie) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = transport.request(
      { hostname: base.hostname, port: base.port, path, method: "GET", agent, headers: { cookie, "accept-encoding": "gzip" } },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: elapsed(), bytes }));
        res.on("error", () => resolve({ status: 0, ms: elapsed(), bytes }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: elapsed(), bytes: 0 }));
    req.end();
  });
}

/** `concurrency` loops request the page back to back until the time is up. */
async function hammer(path, cookie, seconds) {
  const latencies = [];
  const statuses = new Map();
  let bytes = 0;
  const deadline = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const r = await request(path, cookie);
      latencies.push(r.ms);
      bytes += r.bytes;
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latencies, statuses, bytes, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label, path, cookie) {
  if (warmupSeconds > 0) await hammer(path, cookie, warmupSeconds);
  const { latencies, statuses, bytes, seconds } = await hammer(path, cookie, durationSeconds);
  const sorted = latencies.sort((a, b) => a - b);
  const n = sorted.length;
  const ok = statuses.get(200) ?? 0;
  const other = [...statuses].filter(([status]) => status !== 200).map(([status, count]) => `${status === 0 ? "network" : status}×${count}`);
  return {
    page: path,
    session: label,
    requests: n,
    "req/s": Number((n / seconds).toFixed(1)),
    "p50 ms": Number(percentile(sorted, 50).toFixed(1)),
    "p95 ms": Number(percentile(sorted, 95).toFixed(1)),
    "p99 ms": Number(percentile(sorted, 99).toFixed(1)),
    errors: n - ok ? `${n - ok} (${other.join(", ")})` : 0,
    "KB/req gz": Number((bytes / Math.max(n, 1) / 1024).toFixed(1)),
    "MB total": Number((bytes / 1024 / 1024).toFixed(1)),
  };
}

const cookie = await signIn();
console.info(
  `${base.origin}: ${durationSeconds} s per page after ${warmupSeconds} s warm-up, ${concurrency} concurrent keep-alive connections; ` +
    `load generator on the same host (${cpus().length} CPUs, Node ${process.versions.node}).`,
);
const rows = [await measure("signed in", lessonPath, cookie)];
if (values.anonymous) rows.push(await measure("anonymous", values.anonymous, ""));
agent.destroy();
console.table(rows);
