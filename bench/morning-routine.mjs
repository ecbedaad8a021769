// The load plan (issue 15), after Moodle's: N virtual users, each signed in to an account of their
// own, go through a morning routine again and again for D seconds, with 1–3 s of thinking between
// requests — sign in, Today, a lesson (its page, the player's place saved screen by screen, then
// the completion with its quiz answers), a guide's step (its page and the place saved), one review
// item (the review page, then the answer), the caseload for curators (every tenth user), sign out.
// Each request is made as the browser makes it: pages as navigations (no redirects followed), writes
// as fetch() with JSON, the Origin header, the session cookie and an Idempotency-Key where the
// browser sends one (the completion and the review answer); sign-in through next-auth's credentials
// callback and sign-out as the header's form post. Alongside, N more virtual users fetch a static
// file with the same think time, to compare. Prints a Markdown table per user count: requests,
// requests/s, p50/p95/p99 latency (to the last byte of the body) and errors per step.
// An error is a network error or timeout (30 s), a status other than 2xx/3xx, a page that sends
// the person to the sign-in page, or a sign-in that sets no session.
//
// Usage: build, migrate and seed a PostgreSQL database of the benchmark's own, start the production
// server on it with APP_URL set to the address used here, then from the repository root:
//   DATABASE_URL=postgresql://…/skh_load node bench/morning-routine.mjs --users 30,100,300 --duration 300 \
//     --base http://127.0.0.1:3190 [--think 1-3] [--ramp 30] [--static /icons/icon-192.png]
// For each user count it first makes that many fresh accounts (bench/load-accounts.ts, through
// DATABASE_URL). The load generator runs on the server's machine: read the figures with that in mind.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const REQUEST_TIMEOUT_MS = 30_000;

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Counts and latencies per step; only requests that started inside the measured window count. */
class Recorder {
  constructor() {
    this.steps = new Map();
  }
  record(step, ms, error) {
    let s = this.steps.get(step);
    if (!s) this.steps.set(step, (s = { latencies: [], errors: new Map() }));
    s.latencies.push(ms);
    if (error) s.errors.set(error, (s.errors.get(error) ?? 0) + 1);
  }
  /** Markdown rows: one per step in `order`, then all app steps together, then `extra` steps. */
  table(duration, order, extra) {
    const row = (name, latencies, errors) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const failed = [...errors.values()].reduce((a, b) => a + b, 0);
      const detail = [...errors].map(([what, n]) => `${what}×${n}`).join(", ");
      const fmt = (v) => (Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(1) : Math.round(v).toString());
      return `| ${name} | ${sorted.length} | ${(sorted.length / duration).toFixed(1)} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(percentile(sorted, 99))} | ${failed ? `${failed} (${detail})` : 0} |`;
    };
    const lines = ["| step | requests | req/s | p50 ms | p95 ms | p99 ms | errors |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |"];
    const all = { latencies: [], errors: new Map() };
    for (const name of order) {
      const s = this.steps.get(name);
      if (!s) continue;
      lines.push(row(name, s.latencies, s.errors));
      all.latencies.push(...s.latencies);
      for (const [what, n] of s.errors) all.errors.set(what, (all.errors.get(what) ?? 0) + n);
    }
    lines.push(row("**all app steps**", all.latencies, all.errors));
    for (const name of extra) {
      const s = this.steps.get(name);
      if (s) lines.push(row(name, s.latencies, s.errors));
    }
    return lines.join("\n");
  }
}

/** A browser's cookies for one origin: name → value, kept from every Set-Cookie. */
class CookieJar {
  constructor() {
    this.cookies = new Map();
  }
  take(response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        return (k.toLowerCase() === "max-age" && Number(v) <= 0) || (k.toLowerCase() === "expires" && Date.parse(v) < Date.now());
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  hasSession() {
    // server/auth/session-config.ts: "skhodynky.session", with the __Secure- prefix in production.
    return [...this.cookies.keys()].some((k) => k.endsWith("skhodynky.session"));
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One HTTP request as a browser sends it, timed to the last byte of the body. Returns the status
 * (0 for a network error or timeout), the response and the body text.
 */
async function send(base, jar, method, path, { kind = "page", json, form, key } = {}) {
  const headers = { "accept-language": "uk" };
  const cookie = jar.header();
  if (cookie) headers.cookie = cookie;
  if (kind === "page") {
    Object.assign(headers, {
      accept: "text/html,application/xhtml+xml",
      "sec-fetch-mode": "navigate",
      "sec-fetch-site": "same-origin",
      "sec-fetch-dest": "document",
    });
  } else {
    Object.assign(headers, { accept: "*/*", "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin", "sec-fetch-dest": "empty" });
  }
  let body;
  if (json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(form).toString();
  }
  // Browsers send Origin on every request but a same-origin GET or HEAD.
  if (method !== "GET" && method !== "HEAD") headers.origin = base;
  if (key) headers["idempotency-key"] = key;
  const started = performance.now();
  try {
    const response = await fetch(base + path, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    jar.take(response);
    return { ms: performance.now() - started, status: response.status, response, text };
  } catch (error) {
    const what = error?.name === "TimeoutError" ? "timeout" : "network";
    return { ms: performance.now() - started, status: 0, response: null, text: "", error: what };
  }
}

/** The error a result stands for, or null: network, a status outside 2xx/3xx, or a page that sends the person to sign in. */
function failure(result, { page = false } = {}) {
  if (result.status === 0) return result.error ?? "network";
  if (result.status >= 400) return String(result.status);
  if (page && result.status >= 300 && (result.response?.headers.get("location") ?? "").includes("/sign-in")) return "to sign-in";
  return null;
}

/** The routine's steps, in the order of the table. */
export const STEPS = [
  "sign in",
  "Today",
  "lesson page",
  "lesson: place saved (PUT)",
  "lesson: completion + quiz (POST)",
  "guide step page",
  "guide: place saved (PUT)",
  "review page",
  "review: answer (POST)",
  "caseload (/curator)",
  "sign out",
];

/** One virtual user: the routine in a loop until `deadline`; returns how many mornings it finished. */
async function virtualUser({ base, plan, user, index, recorder, think, deadline, measureFrom }) {
  const pause = () => sleep(think[0] * 1000 + Math.random() * (think[1] - think[0]) * 1000);
  const record = (step, result, error) => {
    if (result.started >= measureFrom) recorder.record(step, result.ms, error);
  };
  const timed = async (step, fn) => {
    const started = Date.now();
    const result = await fn();
    result.started = started;
    return result;
  };
  let mornings = 0;
  for (let round = 0; Date.now() < deadline; round++) {
    const jar = new CookieJar();
    // Sign in: the form asks for a CSRF token, then posts to the credentials callback (one step, both requests timed).
    const signIn = await timed("sign in", async () => {
      const csrf = await send(base, jar, "GET", "/api/auth/csrf", { kind: "api" });
      if (failure(csrf)) return csrf;
      const token = JSON.parse(csrf.text).csrfToken;
      const post = await send(base, jar, "POST", "/api/auth/callback/credentials", {
        kind: "api",
        form: { email: user.email, password: plan.password, csrfToken: token, callbackUrl: `${base}/today`, json: "true" },
      });
      return { ...post, ms: csrf.ms + post.ms };
    });
    const signInError = failure(signIn) ?? (jar.hasSession() ? null : "no session");
    record("sign in", signIn, signInError);
    if (signInError) {
      await pause();
      continue;
    }
    const page = async (step, path) => {
      if (Date.now() >= deadline) return false;
      await pause();
      const r = await timed(step, () => send(base, jar, "GET", path));
      record(step, r, failure(r, { page: true }));
      return true;
    };
    const write = async (step, method, path, json, key) => {
      if (Date.now() >= deadline) return false;
      await pause();
      const r = await timed(step, () => send(base, jar, method, path, { kind: "api", json, key }));
      record(step, r, failure(r));
      return true;
    };

    if (!(await page("Today", "/today"))) break;

    const lesson = plan.lessons[(index * 7 + round) % plan.lessons.length];
    if (!(await page("lesson page", `/lessons/${lesson.id}`))) break;
    // The player saves the place on every "Next" to a lesson screen; the finish screen is not saved.
    for (let screen = 1; screen < lesson.screens; screen++) {
      if (!(await write("lesson: place saved (PUT)", "PUT", `/api/v1/lessons/${lesson.id}/position`, { step: screen }))) break;
    }
    const answers = lesson.items.map((itemId) => ({ itemId, correct: Math.random() < 0.8 }));
    const completion = { doneAt: new Date().toISOString(), minutes: 4, answers };
    if (!(await write("lesson: completion + quiz (POST)", "POST", `/api/v1/lessons/${lesson.id}/completion`, completion, randomUUID()))) break;

    const guide = plan.walkthroughs[(index * 3 + round) % plan.walkthroughs.length];
    const screen = 1 + (round % Math.max(1, guide.screens - 1));
    if (!(await page("guide step page", `/walkthroughs/${guide.id}?step=${screen + 1}`))) break;
    if (!(await write("guide: place saved (PUT)", "PUT", `/api/v1/walkthroughs/${guide.id}/position`, { step: screen }))) break;

    if (!(await page("review page", "/review"))) break;
    const card = user.cards[round % user.cards.length];
    const review = { lessonId: card.lessonId, itemId: card.itemId, correct: Math.random() < 0.8, seconds: 18 };
    if (!(await write("review: answer (POST)", "POST", "/api/v1/reviews", review, randomUUID()))) break;

    if (user.curator && !(await page("caseload (/curator)", "/curator"))) break;

    // Sign out: the header's form post, answered with 303 to the sign-in page.
    if (Date.now() >= deadline) break;
    await pause();
    const out = await timed("sign out", () => send(base, jar, "POST", "/api/v1/session/sign-out", { kind: "page", form: { next: "/sign-in" } }));
    record("sign out", out, failure(out));
    mornings++;
    await pause();
  }
  return mornings;
}

/** A virtual user that only fetches a static file, with the same think time. */
async function staticUser({ base, path, recorder, think, deadline, measureFrom, label }) {
  const jar = new CookieJar();
  while (Date.now() < deadline) {
    await sleep(think[0] * 1000 + Math.random() * (think[1] - think[0]) * 1000);
    if (Date.now() >= deadline) break;
    const started = Date.now();
    const r = await send(base, jar, "GET", path, { kind: "api" });
    if (started >= measureFrom) recorder.record(label, r.ms, failure(r));
  }
}

/** Makes `count` fresh accounts through bench/load-accounts.ts and returns its plan. */
export function makeAccounts(count, env = process.env) {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, ["--conditions=react-server", "bench/load-accounts.ts", "--users", String(count)], {
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}

/**
 * One run: `users` virtual users (accounts from `plan`) start spread over `ramp` seconds, the
 * measured window is the `duration` seconds after the ramp; requests started during the ramp are
 * not counted. Returns the Markdown table and the number of mornings finished.
 */
export async function runLoad({ base, plan, users, duration, ramp, think, staticPath }) {
  const recorder = new Recorder();
  const start = Date.now();
  const measureFrom = start + ramp * 1000;
  const deadline = measureFrom + duration * 1000;
  const label = `static file (${staticPath})`;
  const runners = [];
  for (let i = 0; i < users; i++) {
    const delay = (ramp * 1000 * i) / users;
    runners.push(sleep(delay).then(() => virtualUser({ base, plan, user: plan.users[i], index: i, recorder, think, deadline, measureFrom })));
    runners.push(sleep(delay).then(() => staticUser({ base, path: staticPath, recorder, think, deadline, measureFrom, label }).then(() => 0)));
  }
  const mornings = (await Promise.all(runners)).reduce((a, b) => a + b, 0);
  return { table: recorder.table(duration, STEPS, [label]), mornings };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "30,100,300" },
      duration: { type: "string", default: "300" },
      base: { type: "string", default: "http://127.0.0.1:3000" },
      think: { type: "string", default: "1-3" },
      ramp: { type: "string" },
      static: { type: "string", default: "/icons/icon-192.png" },
    },
  });
  const counts = values.users.split(",").map(Number);
  const duration = Number(values.duration);
  const think = values.think.split("-").map(Number);
  const base = new URL(values.base).origin;
  if (!counts.every((n) => Number.isInteger(n) && n >= 1) || !(duration > 0) || think.length !== 2 || !(think[0] >= 0 && think[1] >= think[0])) {
    console.error("--users takes whole numbers (30,100,300), --duration seconds, --think a range in seconds (1-3).");
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to the server's database: each run first makes its own accounts there.");
    process.exit(2);
  }
  const health = await fetch(`${base}/api/v1/health`).catch(() => null);
  if (!health?.ok) {
    console.error(`No healthy server at ${base} (start it with APP_URL=${base}).`);
    process.exit(1);
  }
  for (const users of counts) {
    const plan = makeAccounts(users);
    const ramp = values.ramp === undefined ? Math.min(30, Math.max(5, users / 10)) : Number(values.ramp);
    const before = loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
    const startedAt = new Date().toISOString();
    const { table, mornings } = await runLoad({ base, plan, users, duration, ramp, think, staticPath: values.static });
    console.info(
      `\n### ${users} virtual users, ${duration} s (after a ${ramp} s ramp-up), think time ${think[0]}–${think[1]} s\n\n` +
        `Started ${startedAt}; ${availableParallelism()} CPUs, load average before ${before}; ${mornings} mornings finished ` +
        `(${plan.users.filter((u) => u.curator).length} of the users are curators).\n\n${table}\n`,
    );
  }
}
