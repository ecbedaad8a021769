// The budgets of issue 13, measured in one run on the production build and printed as one markdown
// table with the date:
// 1. cold-load transfer of Today, a lesson, a walkthrough step, the catalog and a forum thread — what
//    Chromium receives with an empty cache (CDP encodedDataLength, images left out; bench/page-weight.mjs):
//    at most 150 KB each; and a repeat visit with the service worker (images left out too): at most 20 KB;
// 2. Lighthouse (mobile: a phone's screen, simulated Regular 3G — RTT 300 ms, 700 Kbps, CPU ×4) on
//    Debian's Chromium, signed in: largest contentful paint of a lesson, Today and a walkthrough step at
//    most 2.5 s, with the performance score and the LCP element;
// 3. requests/second and p95 of the signed-in lesson page and Today under autocannon at 10 and 100
//    connections, beside a static file of the same server in the same run, and the ratio page/static:
//    the lesson page at least 100 requests/s with p95 under 500 ms at 10 connections.
// Runs on a throwaway PostgreSQL database with the demo world (prisma/seed.ts), dropped at the end.
// Usage: npm run build, then npm run bench:budgets
//        (BENCH_DATABASE_URL: the PostgreSQL server, default postgresql://postgres@127.0.0.1:5432/postgres;
//        CHROME_PATH: Chromium, default /usr/bin/chromium; BENCH_DURATION seconds per load run, default 15;
//        BENCH_PARTS: which measurements, a comma list of weight, lighthouse, load — default all three;
//        BENCH_LIGHTHOUSE_DIR: a folder to keep each Lighthouse report in, to see what the LCP waited for).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { screenEmulationMetrics, throttling, userAgents } from "lighthouse/core/config/constants.js";
import { launch } from "chrome-launcher";
import { migrateBenchDatabase, prepareThrowawayPostgres } from "./bench-database";
import { startProductionServer } from "./production-server";
import { measurePageWeights, measureRepeatVisits, signInCookies } from "./page-weight.mjs";
import { measureThroughput, type ThroughputRow } from "./lesson-throughput.mjs";

const COLD_BUDGET_KB = 150;
const REPEAT_BUDGET_KB = 20;
const LCP_BUDGET_S = 2.5;
const LESSON_MIN_RPS = 100;
const LESSON_MAX_P95_MS = 500;
const CONNECTIONS = [10, 100] as const;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP_S = 3;
/** Lighthouse runs per page; the run with the median LCP is reported (one run varies with the machine's load). */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const PARTS = new Set((process.env.BENCH_PARTS ?? "weight,lighthouse,load").split(",").map((part) => part.trim()));
const REPORTS_DIR = process.env.BENCH_LIGHTHOUSE_DIR;
process.env.CHROMIUM_PATH ??= CHROME;

const LESSON = "/lessons/strong-passwords";
const TODAY = "/today";
const WALKTHROUGH = "/walkthroughs/diia-sign-in?step=3";
const CATALOG = "/lessons";

type Lighthouse = { lcpS: number; score: number; element: string };
type Row = {
  label: string;
  path: string;
  coldKB?: number;
  repeatKB?: number | null;
  lighthouse?: Lighthouse;
  /** Measured without the session's cookie (the sign-in page sends a signed-in person on). */
  anonymous?: boolean;
  load: Partial<Record<(typeof CONNECTIONS)[number], ThroughputRow>>;
};

if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("No production build (.next/BUILD_ID): run `npm run build` first; the budgets are measured on the build.");
  process.exit(2);
}

/** The run with the median LCP of LIGHTHOUSE_RUNS. */
async function medianLighthouse(url: string, cookie: string): Promise<Lighthouse> {
  const runs: Lighthouse[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(url, cookie));
  return runs.sort((a, b) => a.lcpS - b.lcpS)[Math.floor((runs.length - 1) / 2)]!;
}

/** Lighthouse's performance category on one page: mobile, simulated Regular 3G, the session's cookie on every request. */
async function runLighthouse(url: string, cookie: string): Promise<Lighthouse> {
  const chrome = await launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox"], logLevel: "error" });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: "error", output: "json" },
      {
        extends: "lighthouse:default",
        settings: {
          onlyCategories: ["performance"],
          formFactor: "mobile",
          screenEmulation: screenEmulationMetrics.mobile,
          emulatedUserAgent: userAgents.mobile,
          throttlingMethod: "simulate",
          throttling: throttling.mobileRegular3G,
          extraHeaders: { Cookie: cookie },
        },
      },
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (REPORTS_DIR) {
      mkdirSync(REPORTS_DIR, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, "-")}-${Date.now()}.json`;
      writeFileSync(join(REPORTS_DIR, name), JSON.stringify({ lhr, artifacts: result.artifacts }));
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse was sent from ${url} to ${lhr.finalDisplayedUrl} (signed out?)`);
    const lcp = lhr.audits["largest-contentful-paint"]?.numericValue;
    if (lcp === undefined) throw new Error(`Lighthouse measured no LCP on ${url}`);
    return {
      lcpS: lcp / 1000,
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      element: lcpElement(lhr.audits["largest-contentful-paint-element"]?.details),
    };
  } finally {
    chrome.kill();
  }
}

/** The LCP element as Lighthouse names it: its label (text) and selector. */
function lcpElement(details: unknown): string {
  type Node = { type?: string; nodeLabel?: string; selector?: string };
  const tables = (details as { items?: { items?: { node?: Node }[] }[] } | undefined)?.items ?? [];
  const node = tables.flatMap((table) => table.items ?? []).find((item) => item.node?.type === "node")?.node;
  if (!node) return "—";
  const label = (node.nodeLabel ?? "").replace(/\s+/g, " ").trim();
  return `\`${node.selector?.split(" > ").slice(-2).join(" > ") ?? "?"}\` «${label.length > 40 ? `${label.slice(0, 40)}…` : label}»`;
}

/** A script of the build that the lesson page loads (its runtime): the static file served beside the pages. */
async function staticFileOf(url: string, cookie: string): Promise<string> {
  const html = await (await fetch(url + LESSON, { headers: { cookie } })).text();
  // The webpack runtime (2 KB), as in earlier runs, so the ratio compares like with like.
  const script = html.match(/\/_next\/static\/chunks\/webpack-[\w-]+\.js/)?.[0] ?? html.match(/\/_next\/static\/chunks\/[\w./-]+\.js/)?.[0];
  if (!script) throw new Error("the lesson page names no script under /_next/static/chunks/");
  return script;
}

const kb = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const misses: string[] = [];
const over = (missed: boolean, what: string) => {
  if (missed) misses.push(what);
  return missed ? " (over)" : "";
};

const database = await prepareThrowawayPostgres(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", "bench_budgets");
const rows: Row[] = [];
let chromium = "";
try {
  await migrateBenchDatabase();
  const seeded = spawnSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("Seeding the demo world failed.");
  const { getDb, disconnectDb } = await import("../server/db/client");
  const { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } = await import("../tests/factories/demo-world");
  const { DEMO_KNOWLEDGE_ENTRY } = await import("../tests/factories/demo-community");
  // The demo community's answered question: three posts, one of them the accepted answer.
  const thread = await getDb().thread.findFirstOrThrow({ where: { title: DEMO_KNOWLEDGE_ENTRY.threadTitle }, select: { id: true } });
  await disconnectDb();
  rows.push(
    { label: "Today", path: TODAY, load: {} },
    { label: "lesson", path: LESSON, load: {} },
    { label: "walkthrough step", path: WALKTHROUGH, load: {} },
    { label: "catalog", path: CATALOG, load: {} },
    { label: "forum thread", path: `/community/t/${thread.id}`, load: {} },
  );
  chromium = execFileSync(CHROME, ["--version"], { encoding: "utf8" }).trim();

  const { url, stop } = await startProductionServer(process.env.BENCH_PORT ?? "3177");
  try {
    const cookies = await signInCookies(url, `learner@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
    if (!cookies.some((c) => c.name.includes("session"))) throw new Error("The demo learner could not sign in.");
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const paths = rows.map((r) => r.path);

    const cold = PARTS.has("weight") ? await measurePageWeights(url, paths, cookies) : [];
    const repeat = PARTS.has("weight") ? await measureRepeatVisits(url, paths, cookies) : [];
    for (const [i, row] of PARTS.has("weight") ? rows.entries() : []) {
      const weight = cold[i]!;
      if (weight.status !== 200) throw new Error(`${row.path} answered ${weight.status}`);
      row.coldKB = kb(weight["received (KB)"])! - kb(weight["images (KB)"])!;
      const again = repeat[i]!;
      row.repeatKB = again["received (KB)"] === null ? null : kb(again["received (KB)"])! - kb(again["images (KB)"])!;
    }
    const lighthouseRows = PARTS.has("lighthouse") ? rows.filter((r) => [LESSON, TODAY, WALKTHROUGH].includes(r.path)) : [];
    for (const row of lighthouseRows) row.lighthouse = await medianLighthouse(url + row.path, cookie);

    const staticRow: Row = { label: "static file", path: await staticFileOf(url, cookie), load: {} };
    // The framework's floor: the lightest signed-in page (a heading and a client list) and the
    // sign-in page, rendered by the same layout — what any page costs before its own work.
    const floorRows: Row[] = [
      { label: "lightest signed-in page", path: "/saved", load: {} },
      { label: "sign-in page (signed out)", path: "/sign-in", anonymous: true, load: {} },
    ];
    for (const connections of PARTS.has("load") ? CONNECTIONS : []) {
      for (const row of [...rows.filter((r) => r.path === LESSON || r.path === TODAY), ...floorRows, staticRow]) {
        const measured = await measureThroughput(url, row.path, { cookie: row.anonymous ? "" : cookie, connections, duration: DURATION_S, warmup: WARMUP_S });
        if (measured.errors) throw new Error(`${row.path} at ${connections} connections: errors ${measured.errors}`);
        row.load[connections] = measured;
      }
    }
    if (PARTS.has("load")) rows.push(...floorRows);
    rows.push(staticRow);
  } finally {
    await stop();
  }
} finally {
  await database.cleanup();
}

const staticLoad = rows.find((r) => r.label === "static file")!.load;
const loadCell = (row: Row, connections: (typeof CONNECTIONS)[number]) => {
  const m = row.load[connections];
  if (!m) return "—";
  const isStatic = row.label === "static file";
  const budgeted = row.path === LESSON && connections === 10;
  const missed = budgeted && (m["req/s"] < LESSON_MIN_RPS || m["p95 ms"] >= LESSON_MAX_P95_MS);
  const ratio = isStatic ? "" : ` · ${(m["req/s"] / staticLoad[connections]!["req/s"]).toPrecision(2)} of static`;
  return `${fmt(m["req/s"])} req/s · p95 ${fmt(m["p95 ms"])} ms${ratio}${over(missed, `${row.label} at ${connections} connections`)}`;
};
const lines = [
  `Budgets, measured ${new Date().toISOString().slice(0, 10)} (\`npm run bench:budgets\`): production build served by \`scripts/serve.mjs\` on PostgreSQL 127.0.0.1 (demo world, ` +
    `signed in as the demo learner), ${chromium}, Lighthouse 12 mobile (a phone's screen, simulated Regular 3G: RTT 300 ms, 700 Kbps, CPU ×4; ` +
    `median LCP of ${LIGHTHOUSE_RUNS} runs), ` +
    `autocannon ${DURATION_S} s after a ${WARMUP_S} s warm-up, load generator on the same 2 CPUs.`,
  "",
  `| page | cold load, KB (≤ ${COLD_BUDGET_KB}, images left out) | repeat visit with the service worker, KB (≤ ${REPEAT_BUDGET_KB}, images left out) | Lighthouse LCP, s (≤ ${LCP_BUDGET_S}) · score | LCP element | 10 connections (lesson: ≥ ${LESSON_MIN_RPS} req/s, p95 < ${LESSON_MAX_P95_MS} ms) | 100 connections |`,
  "|---|---|---|---|---|---|---|",
  ...rows.map((row) => {
    const cold = row.coldKB === undefined ? "—" : `${fmt(row.coldKB, 1)}${over(row.coldKB > COLD_BUDGET_KB, `${row.label} cold load`)}`;
    const repeat =
      row.repeatKB === undefined
        ? "—"
        : row.repeatKB === null
          ? "no service worker"
          : `${fmt(row.repeatKB, 1)}${over(row.repeatKB > REPEAT_BUDGET_KB, `${row.label} repeat visit`)}`;
    const lh = row.lighthouse;
    const lcp = lh ? `${fmt(lh.lcpS, 2)}${over(lh.lcpS > LCP_BUDGET_S, `${row.label} LCP`)} · ${lh.score}` : "—";
    const page = row.label === "forum thread" ? "`/community/t/<demo question>`" : `\`${row.path}\``;
    return `| ${row.label}: ${page} | ${cold} | ${repeat} | ${lcp} | ${lh?.element ?? "—"} | ${loadCell(row, 10)} | ${loadCell(row, 100)} |`;
  }),
  "",
  misses.length ? `Over budget: ${misses.join("; ")}.` : "Every budget met.",
  ...(rows.some((r) => r.repeatKB === null)
    ? ["No service worker took control of the pages (this build registers none): the repeat visit is not measured."]
    : []),
];
console.log(lines.join("\n"));
process.exitCode = misses.length ? 1 : 0;
