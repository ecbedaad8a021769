import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import { createPageRewriter, deferScriptTag, dropScriptPreload, deferScriptsInHtml, loaderScript, nonceFromPolicy } from "./scripts-after-paint.mjs";

const NONCE = "MDhhMDg4ZTUtNGY0My00MTQ0";
// The shape of what Next 16 writes: a stylesheet, async build scripts in <head>, the noModule
// polyfills, the page, the inline RSC data and the bootstrap script (with React's id) at the end.
const PAGE =
  `<!DOCTYPE html><html lang="uk"><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/css/a.css" nonce="${NONCE}" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/webpack-4.js"/>` +
  `<link rel="preload" as="image" href="/_next/static/media/logo.svg"/>` +
  `<script src="/_next/static/chunks/efd3-1.js" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/static/chunks/main-app-2.js" async="" nonce="${NONCE}"></script>` +
  `<title>Надійний пароль — Сходинки</title>` +
  `<script src="/_next/static/chunks/polyfills-3.js" noModule="" nonce="${NONCE}"></script></head>` +
  `<body><main><h1>Урок</h1><p>Як скласти пароль-фразу</p></main>` +
  `<script nonce="${NONCE}">self.__next_f.push([1,"<script src=\\"x\\"></script>"])</script>` +
  `<script src="/_next/static/chunks/webpack-4.js" nonce="${NONCE}" id="_R_" async=""></script></body></html>`;

describe("a page's build scripts, set to run after its first paint", () => {
  it("turns each async build script into an inert deferred tag the loader runs later, keeping its id", () => {
    const out = createPageRewriter(NONCE).push(PAGE);
    expect(out).not.toMatch(/<script src="\/_next\/static\/chunks\/(efd3-1|main-app-2|webpack-4)\.js"/);
    for (const name of ["efd3-1", "main-app-2", "webpack-4"]) {
      expect(out).toMatch(
        new RegExp(`<script type="skhodynky/after-paint" data-src="/_next/static/chunks/${name}\\.js" data-id="[^"]*" nonce="${NONCE}"></script>`),
      );
    }
    expect(out).toContain(`data-src="/_next/static/chunks/webpack-4.js" data-id="_R_" nonce="${NONCE}"></script>`);
    // Nothing fetches a build script before the first paint: Next's preload of its runtime goes too.
    expect(out).not.toContain(`<link rel="preload" as="script"`);
    expect(out).toContain(`<link rel="preload" as="image" href="/_next/static/media/logo.svg"/>`);
    expect(out).toContain(`<link rel="stylesheet" href="/_next/static/css/a.css"`);
    // The loader comes first in <head>, once, with the page's nonce.
    expect(out.indexOf(loaderScript(NONCE))).toBe(out.indexOf("<head>") + "<head>".length);
    expect(out.split("function g()").length).toBe(2);
  });

  it("leaves the polyfills for old browsers, inline scripts and the page itself as they were", () => {
    const out = createPageRewriter(NONCE).push(PAGE);
    expect(out).toContain(`<script src="/_next/static/chunks/polyfills-3.js" noModule="" nonce="${NONCE}"></script>`);
    expect(out).toContain(`<script nonce="${NONCE}">self.__next_f.push([1,"<script src=\\"x\\"></script>"])</script>`);
    expect(out).toContain("<main><h1>Урок</h1><p>Як скласти пароль-фразу</p></main>");
    expect(deferScriptTag(`<script src="https://example.org/a.js" async=""></script>`, ` src="https://example.org/a.js" async=""`)).toBe(
      `<script src="https://example.org/a.js" async=""></script>`,
    );
    expect(deferScriptTag(`<script src="/_next/static/chunks/b.js"></script>`, ` src="/_next/static/chunks/b.js"`)).toBe(
      `<script src="/_next/static/chunks/b.js"></script>`,
    );
  });

  it("gives the same page however the stream is cut into chunks", () => {
    const whole = createPageRewriter(NONCE);
    const expected = whole.push(PAGE) + whole.end();
    for (let cut = 1; cut < PAGE.length; cut += 7) {
      const rewriter = createPageRewriter(NONCE);
      const out = rewriter.push(PAGE.slice(0, cut)) + rewriter.push(PAGE.slice(cut, cut * 2)) + rewriter.push(PAGE.slice(cut * 2)) + rewriter.end();
      expect(out, `cut at ${cut}`).toBe(expected);
    }
  });

  it("keeps every other link, and a preload of a script from elsewhere", () => {
    const other = `<link rel="preload" as="script" href="https://example.org/a.js">`;
    expect(dropScriptPreload(other, ` rel="preload" as="script" href="https://example.org/a.js"`)).toBe(other);
    expect(createPageRewriter(NONCE).push(`<head><link rel="manifest" href="/manifest.webmanifest"/>`)).toContain(
      `<link rel="manifest" href="/manifest.webmanifest"/>`,
    );
  });

  it("reads the nonce from the page's Content-Security-Policy, and finds none where there is none", () => {
    expect(nonceFromPolicy(`default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`)).toBe(NONCE);
    expect(nonceFromPolicy("default-src 'none'; sandbox")).toBeNull();
    expect(nonceFromPolicy(undefined)).toBeNull();
  });
});

describe("the production server's page rewriting, before compression", () => {
  let server: Server;
  let port = 0;
  const routes: Record<string, (res: ServerResponse) => void> = {
    // A page written in pieces, multi-byte letters cut in half, with a Content-Length it no longer has.
    "/page": (res) => {
      const body = Buffer.from(PAGE);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", `script-src 'nonce-${NONCE}' 'strict-dynamic'`);
      res.setHeader("content-length", body.length);
      const middle = body.indexOf(Buffer.from("Урок")) + 1;
      res.write(body.subarray(0, middle));
      res.write(body.subarray(middle, middle + 300));
      res.end(body.subarray(middle + 300));
    },
    // Headers given to writeHead, the whole page in end().
    "/page-write-head": (res) => {
      const body = Buffer.from(PAGE);
      res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": `script-src 'nonce-${NONCE}'`, "Content-Length": body.length })
        .end(body);
    },
    "/no-nonce": (res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    },
    "/json": (res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ html: PAGE }));
    },
  };

  beforeAll(async () => {
    // Typed for Express; it needs only Node's request and response, as scripts/serve.mjs gives it.
    const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
    server = createServer((req, res) => {
      compress(req, res, () => {
        deferScriptsInHtml(res);
        routes[req.url ?? ""]?.(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());

  function get(path: string, encoding = "gzip") {
    return new Promise<{ headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, headers: { "accept-encoding": encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ headers: res.headers, text: (res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8") });
        });
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("rewrites a page and compresses the result", async () => {
    const expected = createPageRewriter(NONCE).push(PAGE);
    const page = await get("/page");
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(page.text).toBe(expected);
    const plain = await get("/page", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.text).toBe(expected);
    expect(plain.headers["content-length"]).toBeUndefined();
  });

  it("rewrites a page whose headers were given to writeHead, with a true length", async () => {
    const page = await get("/page-write-head", "identity");
    expect(page.text).toBe(createPageRewriter(NONCE).push(PAGE));
    const length = page.headers["content-length"];
    if (length !== undefined) expect(Number(length)).toBe(Buffer.byteLength(page.text));
  });

  it("leaves a page without a nonce, and anything not HTML, as it was", async () => {
    expect((await get("/no-nonce")).text).toBe(PAGE);
    expect(JSON.parse((await get("/json")).text)).toEqual({ html: PAGE });
  });
});

describe("a page Next writes in pieces, flushing after each", () => {
  /** A response that records what reaches the compressor below it. */
  function recordingResponse(type: string) {
    const calls: string[] = [];
    const headers = new Map<string, string>([
      ["content-type", type],
      ["content-security-policy", `script-src 'nonce-${NONCE}' 'strict-dynamic'`],
    ]);
    const res = {
      headersSent: false,
      getHeader: (name: string) => headers.get(name),
      removeHeader: (name: string) => headers.delete(name),
      writeHead: () => res,
      write: (chunk: string | Buffer, _callback?: () => void) => (calls.push(`write:${chunk.toString()}`), true),
      end: (chunk?: string | Buffer) => (calls.push(`end:${chunk?.toString() ?? ""}`), res),
      flush: () => calls.push("flush"),
    };
    return { res, calls };
  }

  it("sends the rewritten page once, at the end, and no flush before it", async () => {
    const { res, calls } = recordingResponse("text/html; charset=utf-8");
    deferScriptsInHtml(res as unknown as ServerResponse);
    const written: boolean[] = [];
    const pieces = [PAGE.slice(0, 200), PAGE.slice(200, 700), PAGE.slice(700)];
    for (const piece of pieces.slice(0, -1)) {
      await new Promise<void>((resolve) => res.write(Buffer.from(piece), () => (written.push(true), resolve())));
      res.flush();
    }
    res.end(pieces.at(-1));
    expect(written).toEqual([true, true]);
    expect(calls).toEqual([`end:${createPageRewriter(NONCE).push(PAGE)}`]);
  });

  it("passes anything that is not a page straight through, flushes included", () => {
    const { res, calls } = recordingResponse("text/event-stream");
    deferScriptsInHtml(res as unknown as ServerResponse);
    res.write("data: 1\n\n");
    res.flush();
    res.end();
    expect(calls).toEqual(["write:data: 1\n\n", "flush", "end:"]);
  });
});
