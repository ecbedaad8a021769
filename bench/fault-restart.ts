// PostgreSQL restarted under load (issue 15): does the app answer 503 with Retry-After while the
// database is away, recover by itself, keep every write it acknowledged, and record each write a
// client retried with the same Idempotency-Key exactly once?
//
// It starts a PostgreSQL cluster of its own (Debian's binaries in /usr/lib/postgresql/*/bin, as the
// postgres user, in a temporary folder, on --pg-port), migrates and seeds it, makes --users accounts
// (bench/load-accounts.ts) and starts the production server (scripts/serve.mjs, a build is needed)
// on it. Every user then finishes lessons back to back (POST /api/v1/lessons/{id}/completion with one
// quiz answer, as the lesson player sends it), each write with a fresh key and its own `doneAt` (to
// the millisecond), so each write leaves exactly one QuizAnswer row and one LearningActivity row that
// can be counted. A write that gets a 5xx, a 429 or no answer is sent again with the same key and
// body, after Retry-After when the answer has one (else 1, 2, 4… s up to 5 s), as the outbox does;
// a 409 in_progress (the key's first request unfinished, or abandoned until a minute has passed,
// decision 053) is asked again after its Retry-After, as the outbox does. The writers think only 0–0.2 s between
// writes (--think), so that some writes are in the middle of their transaction when the database goes. Meanwhile a probe asks /api/v1/health,
// a signed-in page (/today) and a static file every 250 ms. At --restart-at seconds the cluster is
// stopped (-m fast), left down for --down seconds and started again (--down 0: pg_ctl restart -m
// fast); the writers go on until --duration, then finish the writes they hold (at most --drain s).
// Finally it counts in the database and prints a table; it exits 1 when a check fails.
//
// Usage (from the root of a built copy of the app; as root, which may su to postgres):
//   npx tsx --conditions=react-server bench/fault-restart.ts [--users 30] [--duration 90] [--restart-at 30]
//     [--down 5] [--drain 60] [--think 0-0.2] [--pg-port 5499] [--port 3191]
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { signInCookies } from "./page-weight.mjs";
import { startProductionServer } from "./production-server";
import type { LoadPlan } from "./load-accounts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "30" },
    duration: { type: "string", default: "90" },
    "restart-at": { type: "string", default: "30" },
    down: { type: "string", default: "5" },
    drain: { type: "string", default: "60" },
    think: { type: "string", default: "0-0.2" },
    "pg-port": { type: "string", default: "5499" },
    port: { type: "string", default: "3191" },
  },
});
const USERS = Number(values.users);
const DURATION_S = Number(values.duration);
const RESTART_AT_S = Number(values["restart-at"]);
const DOWN_S = Number(values.down);
const DRAIN_S = Number(values.drain);
const THINK = values.think.split("-").map(Number) as [number, number];
const PG_PORT = Number(values["pg-port"]);
/** After PostgreSQL is back, the app must answer a write and its health check within this long. */
const RECOVERY_LIMIT_S = 30;
if (
  ![USERS, DURATION_S, RESTART_AT_S, DOWN_S, DRAIN_S, PG_PORT].every((n) => Number.isFinite(n) && n >= 0) ||
  RESTART_AT_S >= DURATION_S ||
  THINK.length !== 2
) {
  console.error("--users, --duration, --restart-at (< --duration), --down, --drain and --pg-port take numbers; --think a range (0.2-1).");
  process.exit(2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now();

// ---------------------------------------------------------------------------------------------
// A PostgreSQL cluster of our own, run as the postgres user as .ci/run does.
const pgBin = (() => {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  if (!versions.length) throw new Error("No PostgreSQL in /usr/lib/postgresql (apt-get install postgresql).");
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
})();
const pgDir = mkdtempSync(join(tmpdir(), "skh-fault-"));
chownSync(pgDir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()), 0);
const asPostgres = (command: string) => {
  const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command}: ${r.stderr || r.stdout}`);
};
const pgCtl = (args: string) =>
  asPostgres(`${pgBin}/pg_ctl -D ${pgDir}/data -l ${pgDir}/postgres.log -o '-p ${PG_PORT} -k ${pgDir} -c listen_addresses=127.0.0.1' ${args}`);

const serverLog = join(pgDir, "server.log");
let stopServer: (() => Promise<void>) | null = null;
async function cleanup() {
  await stopServer?.().catch(() => undefined);
  try {
    asPostgres(`${pgBin}/pg_ctl -D ${pgDir}/data -m fast stop`);
  } catch {
    // already stopped
  }
  rmSync(pgDir, { recursive: true, force: true });
}

type Attempt = { at: number; status: number; retryAfter: string | null; code?: string };
type Write = {
  user: string;
  key: string;
  doneAt: string;
  sentAt: number;
  attempts: Attempt[];
  ackedAt: number | null;
  /** How the write ended for its client: acknowledged, refused (a 4xx but 409 in progress), or still unanswered at the end. */
  outcome: "acked" | "refused" | "unfinished";
};
type Probe = { at: number; health: number; page: number; asset: number; pageRetryAfter: boolean };

let exitCode = 0;
try {
  asPostgres(`${pgBin}/initdb -D ${pgDir}/data -U postgres --auth=trust >/dev/null`);
  pgCtl("-w start >/dev/null");
  const baseUrl = `postgresql://postgres@127.0.0.1:${PG_PORT}`;
  const admin = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE skh_fault`);
  await admin.end();
  const databaseUrl = `${baseUrl}/skh_fault`;
  process.env.DATABASE_URL = databaseUrl;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" };
  const npm = (script: string) => {
    const r = spawnSync("npm", ["run", "--silent", script], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm run ${script}: ${r.stderr || r.stdout}`);
  };
  npm("db:migrate");
  npm("db:seed");
  const plan = JSON.parse(
    execFileSync(join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "bench/load-accounts.ts", "--users", String(USERS)], {
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as LoadPlan;

  const server = await startProductionServer(values.port, { log: serverLog });
  stopServer = server.stop;
  const base = server.url;
  const cookies = await Promise.all(
    plan.users.map(async (u) => (await signInCookies(base, u.email, plan.password)).map((c) => `${c.name}=${c.value}`).join("; ")),
  );
  if (cookies.some((c) => !c.includes("skhodynky.session"))) throw new Error("A load account could not sign in.");
  const lessons = plan.lessons;
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

  // -------------------------------------------------------------------------------------------
  const started = now();
  const stopWritingAt = started + DURATION_S * 1000;
  const giveUpAt = stopWritingAt + DRAIN_S * 1000;
  const writes: Write[] = [];
  const probes: Probe[] = [];
  let pgStoppedAt = 0;
  let pgStartedAt = 0;
  // Distinct `doneAt` for every write of the run: an hour ago plus a counter, in milliseconds.
  const doneAtBase = started - 3_600_000;
  let counter = 0;

  async function post(cookie: string, lessonId: string, body: unknown, key: string): Promise<Attempt> {
    const at = now();
    try {
      const res = await fetch(`${base}/api/v1/lessons/${lessonId}/completion`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": key,
          origin: base,
          cookie,
          "sec-fetch-site": "same-origin",
          "sec-fetch-mode": "cors",
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const data = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      return { at, status: res.status, retryAfter: res.headers.get("retry-after"), code: data?.error?.code };
    } catch {
      return { at, status: 0, retryAfter: null };
    }
  }

  async function writer(index: number) {
    const user = plan.users[index]!;
    const cookie = cookies[index]!;
    while (now() < stopWritingAt) {
      const lesson = lessons[(index + writes.length) % lessons.length]!;
      const doneAt = new Date(doneAtBase + ++counter).toISOString();
      const body = { doneAt, minutes: 3, answers: [{ itemId: lesson.items[0]!, correct: true }] };
      const write: Write = { user: user.id, key: randomUUID(), doneAt, sentAt: now(), attempts: [], ackedAt: null, outcome: "unfinished" };
      writes.push(write);
      let backoff = 1000;
      while (now() < giveUpAt) {
        const attempt = await post(cookie, lesson.id, body, write.key);
        write.attempts.push(attempt);
        if (attempt.status >= 200 && attempt.status < 300) {
          write.ackedAt = now();
          write.outcome = "acked";
          break;
        }
        const retryable = attempt.status === 0 || attempt.status >= 500 || attempt.status === 429 || (attempt.status === 409 && attempt.code === "in_progress");
        if (!retryable) {
          write.outcome = "refused";
          break;
        }
        const retryAfter = Number(attempt.retryAfter);
        const wait = retryAfter > 0 ? retryAfter * 1000 : backoff;
        backoff = Math.min(5000, backoff * 2);
        await sleep(wait + Math.random() * 250);
      }
      await sleep((THINK[0] + Math.random() * (THINK[1] - THINK[0])) * 1000);
    }
  }

  async function prober() {
    const get = (path: string, cookie?: string) =>
      fetch(base + path, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(10_000) })
        .then(async (r) => (await r.arrayBuffer(), { status: r.status, retryAfter: r.headers.has("retry-after") }))
        .catch(() => ({ status: 0, retryAfter: false }));
    while (now() < stopWritingAt) {
      const at = now();
      const [health, page, asset] = await Promise.all([get("/api/v1/health"), get("/today", cookies[0]), get("/icons/icon-192.png")]);
      probes.push({ at, health: health.status, page: page.status, asset: asset.status, pageRetryAfter: page.retryAfter });
      await sleep(250);
    }
  }

  async function fault() {
    await sleep(RESTART_AT_S * 1000);
    pgStoppedAt = now();
    if (DOWN_S === 0) {
      pgCtl("-m fast -w restart >/dev/null");
    } else {
      pgCtl("-m fast -w stop >/dev/null");
      await sleep(DOWN_S * 1000);
      pgCtl("-w start >/dev/null");
    }
    pgStartedAt = now();
  }

  await Promise.all([...plan.users.map((_, i) => writer(i)), prober(), fault()]);

  // -------------------------------------------------------------------------------------------
  // Counting: one QuizAnswer and one LearningActivity per write, found by its user and doneAt.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const ids = plan.users.map((u) => u.id);
  const countBy = async (sql: string) => {
    const rows = (await db.query<{ userId: string; at: string; n: string }>(sql, [ids])).rows;
    return new Map(rows.map((r) => [`${r.userId} ${r.at}`, Number(r.n)]));
  };
  // Prisma stores UTC in "timestamp(3) without time zone": read it back as the same ISO text the body carried.
  const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const answers = await countBy(`SELECT "userId", ${iso(`"answeredAt"`)} AS at, count(*) AS n FROM "QuizAnswer" WHERE "userId" = ANY($1) GROUP BY 1, 2`);
  const activity = await countBy(
    `SELECT "userId", ${iso(`"at"`)} AS at, count(*) AS n FROM "LearningActivity" WHERE "userId" = ANY($1) AND kind = 'lesson' GROUP BY 1, 2`,
  );
  const records = new Map(
    (await db.query<{ key: string; status: number }>(`SELECT key, status FROM "IdempotencyRecord" WHERE "userId" = ANY($1)`, [ids])).rows.map((r) => [
      r.key,
      r.status,
    ]),
  );
  await db.end();
  const rowsOf = (w: Write) => ({ answers: answers.get(`${w.user} ${w.doneAt}`) ?? 0, activity: activity.get(`${w.user} ${w.doneAt}`) ?? 0 });
  const once = (w: Write) => rowsOf(w).answers === 1 && rowsOf(w).activity === 1;

  const attempts = writes.flatMap((w) => w.attempts);
  const unavailable = attempts.filter((a) => a.status === 503);
  const withRetryAfter = unavailable.filter((a) => Number(a.retryAfter) > 0);
  const acked = writes.filter((w) => w.outcome === "acked");
  const ackedBeforeRestart = acked.filter((w) => (w.ackedAt ?? 0) < pgStoppedAt);
  const retried = writes.filter((w) => w.attempts.length > 1);
  const duplicated = writes.filter((w) => rowsOf(w).answers > 1 || rowsOf(w).activity > 1);
  const missingAcked = acked.filter((w) => !once(w));
  const retriedNotOnce = retried.filter((w) => !once(w));
  const notAcked = writes.filter((w) => w.outcome !== "acked");
  const statusCounts = new Map<string, number>();
  for (const a of attempts) {
    const label = a.status === 0 ? "no answer" : a.code ? `${a.status} ${a.code}` : String(a.status);
    statusCounts.set(label, (statusCounts.get(label) ?? 0) + 1);
  }
  const firstFailure = attempts.filter((a) => a.at >= pgStoppedAt && a.status !== 201).sort((a, b) => a.at - b.at)[0];
  const firstWriteAfter = writes.flatMap((w) => w.attempts.filter((a) => a.status === 201 && a.at >= pgStartedAt)).sort((a, b) => a.at - b.at)[0];
  const lastFailedWrite = attempts.filter((a) => a.status !== 201 && a.at >= pgStoppedAt).sort((a, b) => b.at - a.at)[0];
  const healthBack = probes.find((p) => p.at >= pgStartedAt && p.health === 200);
  const duringOutage = probes.filter((p) => p.at >= pgStoppedAt && p.at < pgStartedAt + 2000);
  const tally = (key: "health" | "page" | "asset") => {
    const m = new Map<number, number>();
    for (const p of duringOutage) m.set(p[key], (m.get(p[key]) ?? 0) + 1);
    return [...m].map(([s, n]) => `${s === 0 ? "no answer" : s}×${n}`).join(", ") || "–";
  };
  const seconds = (ms: number | undefined) => (ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`);
  const stuck = notAcked.filter((w) => records.get(w.key) === 0);
  /** "12 × last answer 409 conflict, key left in progress, 0 rows; …" */
  const groupedEndings = (list: Write[]) => {
    const groups = new Map<string, number>();
    for (const w of list) {
      const last = w.attempts.at(-1);
      const what = `last answer ${last?.status ?? "none"}${last?.code ? ` ${last.code}` : ""}${records.get(w.key) === 0 ? ", key left in progress" : ""}, ${rowsOf(w).answers} row(s)`;
      groups.set(what, (groups.get(what) ?? 0) + 1);
    }
    return [...groups].map(([what, n]) => `${n} × ${what}`).join("; ");
  };

  const checks: [string, boolean, string][] = [
    ["every acknowledged write is there exactly once", missingAcked.length === 0, `${acked.length - missingAcked.length} of ${acked.length}`],
    [
      "…of them, those acknowledged before the restart",
      ackedBeforeRestart.every(once),
      `${ackedBeforeRestart.filter(once).length} of ${ackedBeforeRestart.length}`,
    ],
    ["every retried key left exactly one row", retriedNotOnce.length === 0, `${retried.length - retriedNotOnce.length} of ${retried.length}`],
    ["no write recorded twice", duplicated.length === 0, `${duplicated.length} duplicated`],
    [
      "every write ended acknowledged",
      notAcked.length === 0,
      notAcked.length
        ? `${writes.length - notAcked.length} of ${writes.length}; the others: ${groupedEndings(notAcked)}`
        : `${writes.length} of ${writes.length}`,
    ],
    ["every 503 carried Retry-After", withRetryAfter.length === unavailable.length, `${withRetryAfter.length} of ${unavailable.length}`],
    [
      "the database outage was answered 503 (not 500)",
      unavailable.length > 0 && !attempts.some((a) => a.status === 500),
      `${unavailable.length} × 503, ${attempts.filter((a) => a.status === 500).length} × 500`,
    ],
    [
      `writes succeed again within ${RECOVERY_LIMIT_S} s of PostgreSQL's start`,
      firstWriteAfter !== undefined && firstWriteAfter.at - pgStartedAt <= RECOVERY_LIMIT_S * 1000,
      seconds(firstWriteAfter && firstWriteAfter.at - pgStartedAt),
    ],
    [
      `/api/v1/health answers 200 within ${RECOVERY_LIMIT_S} s of PostgreSQL's start`,
      healthBack !== undefined && healthBack.at - pgStartedAt <= RECOVERY_LIMIT_S * 1000,
      seconds(healthBack && healthBack.at - pgStartedAt),
    ],
  ];
  for (const [, ok] of checks) if (!ok) exitCode = 1;

  const md = (rows: [string, string][]) => ["| | |", "| --- | --- |", ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join("\n");
  console.info(
    [
      `### PostgreSQL restarted under load`,
      "",
      `${new Date(started).toISOString()}; ${availableParallelism()} CPUs, load average before ${loadBefore}; ${USERS} users writing with think time ${THINK[0]}–${THINK[1]} s for ${DURATION_S} s; ` +
        `PostgreSQL ${DOWN_S === 0 ? "restarted (pg_ctl restart -m fast)" : `stopped (-m fast) at ${RESTART_AT_S} s, down ${DOWN_S} s, started again`} ` +
        `(stop to ready: ${seconds(pgStartedAt - pgStoppedAt)}).`,
      "",
      md([
        [
          "writes (lesson completions with one quiz answer)",
          `${writes.length}, ${acked.length} acknowledged (${ackedBeforeRestart.length} before the restart)`,
        ],
        ["requests sent (first tries and retries)", `${attempts.length}: ${[...statusCounts].map(([s, n]) => `${s}×${n}`).join(", ")}`],
        ["writes retried with the same key", `${retried.length}`],
        [
          "503 answers / with Retry-After",
          `${unavailable.length} / ${withRetryAfter.length} (Retry-After: ${[...new Set(unavailable.map((a) => a.retryAfter))].join(", ") || "–"})`,
        ],
        ["first failed write after the stop", seconds(firstFailure && firstFailure.at - pgStoppedAt)],
        [
          "last failed write, from PostgreSQL ready (negative: before it)",
          lastFailedWrite ? `${((lastFailedWrite.at - pgStartedAt) / 1000).toFixed(1)} s` : "none",
        ],
        ["first acknowledged write after PostgreSQL was ready", seconds(firstWriteAfter && firstWriteAfter.at - pgStartedAt)],
        ["/api/v1/health 200 again after PostgreSQL was ready", seconds(healthBack && healthBack.at - pgStartedAt)],
        ["probe answers from the stop to 2 s after the start: /api/v1/health", tally("health")],
        ["… /today (signed in)", `${tally("page")}; with Retry-After: ${duringOutage.filter((p) => p.page !== 200 && p.pageRetryAfter).length}`],
        ["… /icons/icon-192.png", tally("asset")],
        ['idempotency keys left "in progress" (status 0) for unacknowledged writes', `${stuck.length}`],
      ]),
      "",
      "| check | result | |",
      "| --- | --- | --- |",
      ...checks.map(([what, ok, detail]) => `| ${what} | ${ok ? "pass" : "**FAIL**"} | ${detail} |`),
      "",
      `Server log: ${exitCode ? serverLog.replace(pgDir, "(kept) " + pgDir) : "removed with the cluster"}.`,
    ].join("\n"),
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (exitCode) {
    // Keep the logs of a failed run to read; the cluster and the server stop either way.
    await stopServer?.().catch(() => undefined);
    try {
      asPostgres(`${pgBin}/pg_ctl -D ${pgDir}/data -m fast stop`);
    } catch {
      // already stopped
    }
    console.error(`Logs kept in ${pgDir} (server.log, postgres.log).`);
  } else {
    await cleanup();
  }
}
process.exit(exitCode);
