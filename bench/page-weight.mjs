// Cold-load weight of pages: HTML + CSS + JS as a browser with an empty cache fetches them,
// measured compressed (gzip, as `next start` serves them) and uncompressed.
// Usage: start the app (npm start), then `node bench/page-weight.mjs [baseUrl] [path ...]`.
// Signed-in pages: set BENCH_EMAIL and BENCH_PASSWORD (demo accounts work).
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://localhost:3000";
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ["/", "/sign-in", "/profile", "/admin/invitations"];

async function signIn() {
  const email = process.env.BENCH_EMAIL;
  const password = process.env.BENCH_PASSWORD;
  if (!email || !password) return "";
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: base },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).concat(jar).join("; ");
}

async function weigh(url, cookie) {
  const res = await fetch(url, { headers: { cookie, "accept-encoding": "identity" }, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, raw: body.length, gzip: gzipSync(body, { level: 6 }).length, text: body.toString("utf8") };
}

const cookie = await signIn();
const rows = [];
for (const path of paths) {
  const page = await weigh(base + path, cookie);
  const assets = new Set();
  // Modern browsers skip the noModule polyfills; they are reported apart as the old-browser extra.
  const legacy = new Set([...page.text.matchAll(/<script[^>]*src="([^"]+)"[^>]*noModule/gi)].map((m) => m[1]));
  // Script tags are not the whole story: chunks named only in the inlined RSC payload (client
  // components of boundaries such as not-found or error) are fetched during hydration as well.
  for (const m of page.text.matchAll(/\/_next\/static\/[^"\\]+\.(?:js|css)/g)) if (!legacy.has(m[0])) assets.add(m[0]);
  let polyfillGz = 0;
  for (const asset of legacy) polyfillGz += (await weigh(base + asset, cookie)).gzip;
  let js = { raw: 0, gzip: 0, n: 0 };
  let css = { raw: 0, gzip: 0, n: 0 };
  for (const asset of assets) {
    const w = await weigh(base + asset, cookie);
    const target = asset.endsWith(".css") ? css : js;
    target.raw += w.raw;
    target.gzip += w.gzip;
    target.n += 1;
  }
  rows.push({
    page: path,
    status: page.status,
    "HTML gz": page.gzip,
    "CSS gz": css.gzip,
    "JS gz": js.gzip,
    "total gz (KB)": ((page.gzip + css.gzip + js.gzip) / 1024).toFixed(1),
    "total raw (KB)": ((page.raw + css.raw + js.raw) / 1024).toFixed(1),
    requests: 1 + css.n + js.n,
    "old-browser polyfills gz": polyfillGz,
  });
}
console.table(rows);
