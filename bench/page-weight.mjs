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

/** Cookies of a signed-in session (credentials sign-in through next-auth), for Chromium. */
export async function signInCookies(base, email, password) {
  if (!email || !password) return [];
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return [...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]), ...jar].map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
}

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
      cdp.on("Network.requestWillBeSent", (e) => kinds.set(e.requestId, e.type ?? "Other"));
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
        "other (KB)": (sum(received.map((r) => r.type).filter((t) => !["Document", "Stylesheet", "Script"].includes(t))) / 1024).toFixed(1),
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base = process.argv[2] ?? "http://localhost:3000";
  const paths = process.argv.slice(3).length ? process.argv.slice(3) : ["/", "/sign-in", "/profile", "/admin/invitations"];
  console.table(await measurePageWeights(base, paths, await signInCookies(base, process.env.BENCH_EMAIL, process.env.BENCH_PASSWORD)));
}
