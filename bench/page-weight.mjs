// Cold-load weight of pages: the bytes a real browser (Chromium, empty cache) receives to load and
// hydrate each page, as the DevTools protocol counts them (encodedDataLength: headers and the body
// as the server compressed it), and their decoded size. Counting what the browser fetches, rather
// than what the HTML names, includes the chunks named only in the RSC payload and whatever the
// bundler adds.
// Usage: start the app (npm start), then `node bench/page-weight.mjs [baseUrl] [path ...]`.
// Signed-in pages: set BENCH_EMAIL and BENCH_PASSWORD (demo accounts work). Chromium: CHROMIUM_PATH
// (default /usr/bin/chromium, Debian's package).
import { chromium } from "@playwright/test";
import { fileURLToPath } from "node:url";

// bench/community.ts imports `measurePageWeights` for the thread page of its seeded 2,000-reply thread.

/**
 * Cookies of a signed-in session (credentials sign-in through next-auth), for Chromium. A production
 * server names its cookies `__Secure-…`/`__Host-…` and marks them Secure even on http://localhost (a
 * secure context for Chromium), so the Secure flag is carried over, with the host and path rather than an
 * http URL: Chromium refuses a Secure cookie set for an http URL.
 */
export async function signInCookies(base, email, password) {
  if (!email || !password) return [];
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const csrfCookies = csrfRes.headers.getSetCookie?.() ?? [];
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.map((c) => c.split(";")[0]).join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return [...(res.headers.getSetCookie?.() ?? []), ...csrfCookies].map((setCookie) => {
    const [pair = "", ...attributes] = setCookie.split(";");
    const at = pair.indexOf("=");
    const secure = attributes.some((a) => a.trim().toLowerCase() === "secure");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: new URL(base).hostname, path: "/", secure };
  });
}

const IMAGE_FILE = /\.(svg|png|jpe?g|webp|gif|ico)$/;

/**
 * One row per path: what a cold Chromium load receives over the wire, from the DevTools protocol
 * (`Network.loadingFinished` → `encodedDataLength`: the bytes of each response as sent — headers
 * and the compressed body — not a re-compression of the body here), by kind, and the decoded size.
 * Everything the page fetches until the network is idle counts: the document, styles, scripts, the
 * RSC and API requests hydration makes, fonts and images.
 */
export async function measurePageWeights(base, paths, cookies = []) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const rows = [];
  try {
    for (const path of paths) {
      // A fresh context per page: nothing cached from the previous one.
      const context = await browser.newContext();
      if (cookies.length) await context.addCookies(cookies);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const kinds = new Map();
      const decoded = new Map();
      const received = [];
      // A picture is a picture whatever fetched it: the favicon comes as "Other".
      cdp.on("Network.requestWillBeSent", (e) => kinds.set(e.requestId, IMAGE_FILE.test(new URL(e.request.url).pathname) ? "Image" : (e.type ?? "Other")));
      cdp.on("Network.dataReceived", (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
      cdp.on("Network.loadingFinished", (e) =>
        received.push({ type: kinds.get(e.requestId) ?? "Other", wire: e.encodedDataLength, raw: decoded.get(e.requestId) ?? 0 }),
      );
      const response = await page.goto(base + path, { waitUntil: "networkidle" });
      const sum = (types, key = "wire") => received.filter((r) => types === null || types.includes(r.type)).reduce((s, r) => s + r[key], 0);
      rows.push({
        page: path,
        status: response?.status(),
        "HTML (KB)": (sum(["Document"]) / 1024).toFixed(1),
        "CSS (KB)": (sum(["Stylesheet"]) / 1024).toFixed(1),
        "JS (KB)": (sum(["Script"]) / 1024).toFixed(1),
        "images (KB)": (sum(["Image"]) / 1024).toFixed(1),
        "other (KB)": (sum(received.map((r) => r.type).filter((t) => !["Document", "Stylesheet", "Script", "Image"].includes(t))) / 1024).toFixed(1),
        "received (KB)": (sum(null) / 1024).toFixed(1),
        "decoded (KB)": (sum(null, "raw") / 1024).toFixed(1),
        requests: received.length,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** Resolves whether a service worker controls the page within `timeout` ms. */
async function isControlled(page, timeout) {
  return page
    .waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout })
    .then(() => true)
    .catch(() => false);
}

/**
 * One row per path: a repeat visit with the service worker. In one browser context (HTTP cache on,
 * as a browser keeps it) the page is loaded once, until a service worker controls it (one reload if
 * the first load was not controlled yet), then loaded again; the second load is counted. What
 * counts is what came over the network for the page and for its service worker: each response's
 * `encodedDataLength` (Playwright's sizes, from the DevTools protocol of the page's and the service
 * worker's targets). A response the service worker answered is not counted on the page's side —
 * whatever the worker fetched for it over the network is counted on the worker's side, and an answer
 * from its cache came over no network; a response from the HTTP cache counts its 0 bytes.
 * Pictures (the worker's fetches for images included) are also counted on their own, as the cold
 * load leaves them out of its budget. `received (KB)` is null when no service worker took control.
 */
export async function measureRepeatVisits(base, paths, cookies = [], { controlTimeoutMs = 15_000 } = {}) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const rows = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext({ serviceWorkers: "allow" });
      if (cookies.length) await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: "networkidle" });
      let controlled = await isControlled(page, controlTimeoutMs);
      if (!controlled) {
        await page.reload({ waitUntil: "networkidle" });
        controlled = await isControlled(page, controlTimeoutMs);
      }
      if (!controlled) {
        rows.push({
          page: path,
          status: undefined,
          controlled: false,
          "page (KB)": null,
          "service worker (KB)": null,
          "received (KB)": null,
          "images (KB)": null,
          network: 0,
          "from the worker": 0,
        });
        await context.close();
        continue;
      }
      const pending = [];
      const counted = { page: 0, worker: 0, images: 0, network: 0, fromWorker: 0 };
      const count = async (request) => {
        const response = await request.response();
        if (!response) return;
        if (!request.serviceWorker() && response.fromServiceWorker()) {
          counted.fromWorker += 1;
          return;
        }
        const sizes = await request.sizes();
        const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
        if (request.serviceWorker()) counted.worker += bytes;
        else counted.page += bytes;
        if (request.resourceType() === "image" || IMAGE_FILE.test(new URL(request.url()).pathname)) counted.images += bytes;
        if (bytes > 0) counted.network += 1;
        if (process.env.BENCH_DEBUG) console.info(`${path}: ${request.serviceWorker() ? "worker" : "page"} ${bytes} B ${request.url()}`);
      };
      const onFinished = (request) => pending.push(count(request));
      context.on("requestfinished", onFinished);
      const response = await page.goto(base + path, { waitUntil: "networkidle" });
      context.off("requestfinished", onFinished);
      await Promise.all(pending);
      rows.push({
        page: path,
        status: response?.status(),
        controlled: true,
        "page (KB)": (counted.page / 1024).toFixed(1),
        "service worker (KB)": (counted.worker / 1024).toFixed(1),
        "received (KB)": ((counted.page + counted.worker) / 1024).toFixed(1),
        "images (KB)": (counted.images / 1024).toFixed(1),
        network: counted.network,
        "from the worker": counted.fromWorker,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base = process.argv[2] ?? "http://localhost:3000";
  const paths = process.argv.slice(3).length ? process.argv.slice(3) : ["/", "/sign-in", "/profile", "/admin/invitations"];
  console.table(await measurePageWeights(base, paths, await signInCookies(base, process.env.BENCH_EMAIL, process.env.BENCH_PASSWORD)));
}
