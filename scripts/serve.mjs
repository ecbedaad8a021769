// `npm run serve` (and the last step of `npm start`): the production server. It is `next start`
// with two changes. The build's scripts and styles go out as Brotli to browsers that accept it
// (server/http/precompressed-static.mjs; Next itself only sends gzip). And `next start` keeps an
// X-Forwarded-For the client wrote and only adds the socket address when there is none, so anyone
// could pick the address the sign-in throttle counts; here the socket peer is always the last entry before Next sees the request (server/http/forwarded-for.mjs;
// server/auth/client-ip.ts reads it). Pages are compressed here rather than by Next (next.config.mjs
// `compress: false`) so that, before compression, an HTML page's build scripts are set to run after
// its first paint (server/http/scripts-after-paint.mjs, decision 038). On PostgreSQL it runs one
// server process per CPU, sharing the port (node:cluster; WEB_CONCURRENCY sets how many, decision 041).
// Needs a production build (`npm run build`).
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { createServer } from "node:http";
import compression from "compression";
import { constants as zlibConstants } from "node:zlib";
import { join } from "node:path";
import { createProxyTrust, forwardedForWithPeer, parseTrustedProxies } from "../server/http/forwarded-for.mjs";
import { precompressStatic, serveBrotliStatic } from "../server/http/precompressed-static.mjs";
import { SECURITY_HEADERS } from "../server/http/security-headers.mjs";
import { deferScriptsInHtml } from "../server/http/scripts-after-paint.mjs";
import { serverProcessCount } from "../server/http/server-workers.mjs";

const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.TRUSTED_PROXY_HOPS || 0);
const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
if (!proxies.ok) fail(`TRUSTED_PROXIES: "${proxies.invalid}" is not an IP address or CIDR range.`);
if (!Number.isInteger(hops) || hops < 0 || hops > 10) fail(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10.`);
const processes = serverProcessCount(process.env, availableParallelism());
if (!processes.ok) fail(processes.message);

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (processes.count > 1 && cluster.isPrimary) runPrimary(processes.count);
else await runServer();

/**
 * The first process of several: it serves nothing itself. It starts one server process per CPU (they
 * share the port), starts a new one when one dies, and on SIGINT/SIGTERM passes the signal on and
 * exits once every server has finished its requests.
 */
function runPrimary(count) {
  let stopping = false;
  let quickDeaths = 0;
  let running = 0;
  const start = () => {
    running++;
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.on("exit", (code, signal) => {
      running--;
      if (stopping) {
        if (running === 0) process.exit(0);
        return;
      }
      // A server that dies at once (a bad setting, a missing build) would die again: stop instead.
      quickDeaths = Date.now() - startedAt < 10_000 ? quickDeaths + 1 : 0;
      if (quickDeaths >= 3) fail(`[serve] server processes keep exiting at start (last: ${signal ?? `code ${code}`}); stopping.`);
      console.error(`[serve] a server process exited (${signal ?? `code ${code}`}); starting another.`);
      start();
    });
  };
  for (let i = 0; i < count; i++) start();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === count) console.info(`Serving on http://localhost:${port} (every interface), ${count} server processes`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 12_000).unref();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

/** One server process: Next's request handler behind the changes described at the top. */
async function runServer() {
  const trust = createProxyTrust({ proxies: proxies.entries, hops });
  // As `next start` does, before Next and React load.
  process.env.NODE_ENV ||= "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The build's scripts and styles as Brotli (server/http/precompressed-static.mjs), ready before the first request.
  const brotliAssets = precompressStatic(join(process.cwd(), ".next", "static"));
  // What Next would do with `compress` on (gzip), plus Brotli for browsers that accept it, at
  // quality 6 rather than the library's 4: a page is written once (decision 041), and at 6 a guide's
  // step, whose data carries every screen, is 11 % smaller (20.4 → 18.1 KB) for about 0.6 ms more.
  const compress = compression({ brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } } });

  const server = createServer((req, res) => {
    if (serveBrotliStatic(req, res, brotliAssets, SECURITY_HEADERS)) return;
    const forwardedFor = forwardedForWithPeer(req.headers["x-forwarded-for"], req.socket.remoteAddress, trust);
    if (forwardedFor) req.headers["x-forwarded-for"] = forwardedFor;
    else delete req.headers["x-forwarded-for"];
    // Compression wraps the response first, so the page is rewritten before it is compressed.
    compress(req, res, () => {
      deferScriptsInHtml(res);
      handle(req, res).catch((error) => {
        console.error(`[serve] request failed: ${error instanceof Error ? error.name : typeof error}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });

  // Like `next start`: every interface, and Next builds its own URLs on "localhost".
  server.listen(port, () => {
    if (cluster.isPrimary) console.info(`Serving on http://localhost:${port} (every interface)`);
  });

  // Graceful stop: no new connections, let requests in flight (and their after() work) finish, then exit.
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      server.close(async () => {
        await app.close();
        process.exit(0);
      });
      server.closeIdleConnections();
    });
  }
}
