// Cold-load weight of pages: the HTML, CSS and JavaScript a real browser (Chromium, empty cache)
// fetches to load and hydrate each page, measured compressed (gzip level 6, as `next start`
// serves them) and uncompressed. Counting what the browser fetches, rather than what the HTML
// names, includes the chunks named only in the RSC payload and whatever the bundler adds.
// Usage: start the app (npm start), then `node bench/page-weight.mjs [baseUrl] [path ...]`.
// Signed-in pages: set BENCH_EMAIL and BENCH_PASSWORD (demo accounts work). Chromium: CHROMIUM_PATH
// (default /usr/bin/chromium, Debian's package).
import { chromium } from "@playwright/test";
import { gzipSync } from "node:zlib";
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

/** One row per path: what a cold Chromium load fetches, in bytes (gzip and raw) by kind. */
export async function measurePageWeights(base, paths, cookies = []) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const rows = [];
  try {
    for (const path of paths) {
      // A fresh context per page: nothing cached from the previous one.
      const context = await browser.newContext();
      if (cookies.length) await context.addCookies(cookies);
      const page = await context.newPage();
      const fetched = [];
      page.on("response", (response) => {
        const type = response.request().resourceType();
        if (!["document", "stylesheet", "script"].includes(type)) return;
        fetched.push(
          response.body().then(
            (body) => ({ type, raw: body.length, gzip: gzipSync(body, { level: 6 }).length }),
            () => null,
          ),
        );
      });
      const response = await page.goto(base + path, { waitUntil: "networkidle" });
      const items = (await Promise.all(fetched)).filter(Boolean);
      const sum = (type, key) => items.filter((i) => i.type === type).reduce((s, i) => s + i[key], 0);
      const total = (key) => sum("document", key) + sum("stylesheet", key) + sum("script", key);
      rows.push({
        page: path,
        status: response?.status(),
        "HTML gz": sum("document", "gzip"),
        "CSS gz": sum("stylesheet", "gzip"),
        "JS gz": sum("script", "gzip"),
        "total gz (KB)": (total("gzip") / 1024).toFixed(1),
        "total raw (KB)": (total("raw") / 1024).toFixed(1),
        requests: items.length,
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
