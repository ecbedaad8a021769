import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, request, type Server } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { acceptsBrotli, precompressStatic, serveBrotliStatic } from "./precompressed-static.mjs";
import { SECURITY_HEADERS } from "./security-headers.mjs";

const SCRIPT = `console.info(${JSON.stringify("Сходинки ".repeat(200))});\n`.repeat(5);
let dir = "";
let server: Server;
let port = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "skh-static-"));
  mkdirSync(join(dir, "chunks", "app"), { recursive: true });
  writeFileSync(join(dir, "chunks", "app", "page-abc123.js"), SCRIPT);
  writeFileSync(join(dir, "chunks", "tiny.js"), "1;");
  writeFileSync(join(dir, "notes.txt"), "x".repeat(4000));
  const assets = precompressStatic(dir);
  server = createServer((req, res) => {
    if (serveBrotliStatic(req, res, assets, SECURITY_HEADERS)) return;
    res.writeHead(299, { "x-fell-through": "yes" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the build's scripts and styles as Brotli", () => {
  it("reads Accept-Encoding as browsers write it", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5, gzip")).toBe(true);
    expect(acceptsBrotli("gzip, deflate")).toBe(false);
    expect(acceptsBrotli("br;q=0, gzip")).toBe(false);
    expect(acceptsBrotli("brotli, gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  it("sends a script as Brotli, smaller than the file, with the type, a year's cache and the security headers", async () => {
    const res = await get("/_next/static/chunks/app/page-abc123.js?dpl=1", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["vary"]).toBe("Accept-Encoding");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(brotliDecompressSync(res.body).toString("utf8")).toBe(SCRIPT);
    const head = await get("/_next/static/chunks/app/page-abc123.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves everything else to Next: no Brotli accepted, unknown or tiny files, other kinds, other methods, paths that climb out", async () => {
    for (const [path, encoding, method] of [
      ["/_next/static/chunks/app/page-abc123.js", "gzip, deflate", "GET"],
      ["/_next/static/chunks/app/page-abc123.js", "br", "POST"],
      ["/_next/static/chunks/tiny.js", "br", "GET"],
      ["/_next/static/notes.txt", "br", "GET"],
      ["/_next/static/chunks/app/missing.js", "br", "GET"],
      ["/_next/static/chunks/app/../app/page-abc123.js", "br", "GET"],
      ["/_next/static/%2e%2e/%2e%2e/etc/passwd", "br", "GET"],
    ] as const) {
      const res = await get(path, { "accept-encoding": encoding }, method);
      expect(res.headers["x-fell-through"], `${method} ${path} (${encoding})`).toBe("yes");
    }
  });
});
