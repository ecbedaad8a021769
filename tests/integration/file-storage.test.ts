import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { getDb, type Role } from "../../server/db/client";
import { resetEnvCacheForTests } from "../../server/env";
import { getFileStorage, resetFileStorageForTests, type FileStorage } from "../../server/storage";
import { createLocalDiskStorage } from "../../server/storage/local-disk";
import { createS3Storage } from "../../server/storage/s3";
import { isValidKey, newFileKey } from "../../server/storage/keys";
import { amzDate, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from "../../server/storage/sigv4";
import { sanitizeSvg, SvgRefused } from "../../server/storage/svg";
import { checkUploadContent, contentDisposition, safeFileName, sniffType } from "../../server/storage/content";
import { purgeExpiredRecords, RETENTION_MS } from "../../server/jobs/retention";
import { UPLOAD_QUOTA } from "../../features/files/server/upload-file";
import { attachFiles } from "../../features/files/server/attach-files";
import * as uploadRoute from "../../app/api/v1/files/route";
import * as fileRoute from "../../app/api/v1/files/[id]/route";
import { createPerson, createPlace, type TestPerson } from "../factories/people";
import { ORIGIN, signInAs, signOutLocally } from "../helpers/api";
import { runAfterResponseTasks, setTestRequestHeaders, testCookieJar } from "../setup/next-request";
import { HOSTILE_SVGS } from "../fixtures/hostile-svgs";
import uk from "../../messages/uk.json";

/**
 * File storage for authoring (decision 029): the SigV4 signer against AWS's published examples,
 * both drivers (local disk, and S3 against an in-process fake that checks every signature), the
 * upload checks by content (magic bytes, the hostile SVG corpus, limits while streaming), who may
 * upload and read, the response headers, the quota under races, and the purge of orphans.
 */

const MB = 1024 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-test-png-body")]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-test-jpeg-body")]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const SVG_NS = "http://www.w3.org/2000/svg";
const CLEAN_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made in an editor -->
<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10" sodipodi:docname="x.svg">
  <sodipodi:namedview pagecolor="#fff"/>
  <metadata><title>editor data</title></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs>
  <style>rect { fill: url(#g) } .b > circle { stroke: red }</style>
  <rect id="r" width="10" height="10" style="stroke: url(&quot;#g&quot;)" data-x="dropped"/>
  <use xlink:href="#r" x="1"/>
  <text x="1" y="9">Дія &amp; Helsi &lt;3</text>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
</svg>`;

// ---- SigV4: AWS's published examples ----

describe("the SigV4 signer", () => {
  // Signature Version 4 test suite, "get-vanilla" (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html).
  it("signs the test suite's get-vanilla request as published", () => {
    const signed = signRequest(
      { method: "GET", host: "example.amazonaws.com", path: "/", payloadHash: EMPTY_SHA256, now: new Date("2015-08-30T12:36:00Z") },
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service" },
    );
    expect(signed.canonicalRequest).toBe(`GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`);
    expect(signed.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  const s3Example = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3" };
  const may2013 = new Date("2013-05-24T00:00:00Z");

  // Amazon S3 API reference, "Signature calculations for the Authorization header", Example: GET Object.
  it("signs S3's GET Object example as published", () => {
    const signed = signRequest(
      {
        method: "GET",
        host: "examplebucket.s3.amazonaws.com",
        path: "/test.txt",
        headers: { Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
        now: may2013,
      },
      s3Example,
    );
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/test.txt",
        "",
        "host:examplebucket.s3.amazonaws.com",
        "range:bytes=0-9",
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        "x-amz-date:20130524T000000Z",
        "",
        "host;range;x-amz-content-sha256;x-amz-date",
        EMPTY_SHA256,
      ].join("\n"),
    );
    expect(signed.stringToSign).toBe(
      "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(signed.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });

  // The same page, Example: PUT Object (a key with "$", a body, a storage class).
  it("signs S3's PUT Object example as published", () => {
    const body = "Welcome to Amazon S3.";
    expect(sha256Hex(body)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signed = signRequest(
      {
        method: "PUT",
        host: "examplebucket.s3.amazonaws.com",
        path: `/${uriEncode("test$file.text", true)}`,
        headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY", "x-amz-content-sha256": sha256Hex(body) },
        payloadHash: sha256Hex(body),
        now: may2013,
      },
      s3Example,
    );
    expect(signed.canonicalRequest.split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("encodes the way SigV4 wants (RFC 3986, slashes kept in paths)", () => {
    expect(uriEncode("a b+c*~", false)).toBe("a%20b%2Bc%2A~");
    expect(uriEncode("files/2026-12/ab", true)).toBe("files/2026-12/ab");
    expect(uriEncode("ключ", false)).toBe("%D0%BA%D0%BB%D1%8E%D1%87");
    expect(amzDate(new Date("2026-12-01T08:09:10.123Z"))).toBe("20261201T080910Z");
  });
});

// ---- A fake S3 that checks every signature on the wire ----

const S3 = { bucket: "skh-files", region: "eu-central-1", accessKeyId: "AKIATESTFILES", secretAccessKey: "test-secret-that-signs-requests" };

/**
 * Recomputes a request's SigV4 signature from what arrived (method, raw path, headers, body) —
 * independently of the app's signer — and compares. Also checks the body's hash and the clock.
 */
function verifySignature(method: string, rawPath: string, headers: Record<string, string | undefined>, body: Buffer, secret: string): string | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
    headers.authorization ?? "",
  );
  if (!auth) return "no or malformed Authorization";
  const [, , day, region, signedHeaders, signature] = auth;
  const date = headers["x-amz-date"] ?? "";
  if (!date.startsWith(day!)) return "date mismatch";
  const at = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  if (!(Math.abs(Date.now() - at) < 15 * 60_000)) return "stale request";
  const payload = headers["x-amz-content-sha256"] ?? "";
  if (payload !== createHash("sha256").update(body).digest("hex")) return "body hash mismatch";
  const names = signedHeaders!.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date") || !names.includes("x-amz-content-sha256")) return "headers not signed";
  const [path, query = ""] = rawPath.split("?");
  const canonical = [method, path, query, names.map((n) => `${n}:${(headers[n] ?? "").trim()}\n`).join(""), signedHeaders, payload].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const h = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const key = h(h(h(h(`AWS4${secret}`, day!), region!), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex") === signature ? null : "signature mismatch";
}

type FakeS3 = { url: string; objects: Map<string, { body: Buffer; type: string }>; requests: string[]; refused: string[]; close: () => Promise<void> };

async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: string[] = [];
  const refused: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
    const problem = verifySignature(req.method!, req.url!, headers, body, S3.secretAccessKey);
    requests.push(`${req.method} ${req.url}`);
    if (problem) {
      refused.push(problem);
      res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    const prefix = `/${S3.bucket}/`;
    if (!req.url!.startsWith(prefix)) return void res.writeHead(404).end();
    const key = decodeURIComponent(req.url!.slice(prefix.length));
    const object = objects.get(key);
    switch (req.method) {
      case "PUT":
        objects.set(key, { body, type: headers["content-type"] ?? "" });
        return void res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      case "GET":
      case "HEAD":
        if (!object)
          return void res.writeHead(404, { "content-type": "application/xml" }).end(req.method === "GET" ? "<Error><Code>NoSuchKey</Code></Error>" : undefined);
        res.writeHead(200, { "content-type": object.type, "content-length": String(object.body.length) });
        return void res.end(req.method === "GET" ? object.body : undefined);
      case "DELETE":
        objects.delete(key);
        return void res.writeHead(204).end();
      default:
        return void res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let fake: FakeS3;
const localDir = mkdtempSync(join(tmpdir(), "skh-files-"));

beforeAll(async () => {
  fake = await startFakeS3();
});
afterAll(async () => {
  await fake.close();
  useDriver("local");
});

const s3Settings = (overrides: Partial<typeof S3> = {}) => ({
  endpoint: fake.url,
  bucket: S3.bucket,
  region: S3.region,
  accessKeyId: S3.accessKeyId,
  secretAccessKey: S3.secretAccessKey,
  forcePathStyle: true,
  ...overrides,
});

/** Points the app's configured storage (server/env.ts) at the local folder or the fake S3. */
function useDriver(driver: "local" | "s3"): void {
  for (const name of [
    "FILE_STORAGE",
    "FILES_DIR",
    "S3_ENDPOINT",
    "S3_BUCKET",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
  ]) {
    delete process.env[name];
  }
  if (driver === "local") Object.assign(process.env, { FILE_STORAGE: "local", FILES_DIR: localDir });
  else
    Object.assign(process.env, {
      FILE_STORAGE: "s3",
      S3_ENDPOINT: fake.url,
      S3_BUCKET: S3.bucket,
      S3_REGION: S3.region,
      S3_ACCESS_KEY_ID: S3.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    });
  resetEnvCacheForTests();
  resetFileStorageForTests();
}

async function text(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

// ---- Both drivers ----

describe.each(["local", "s3"] as const)("the %s storage", (driver) => {
  const storage = (): FileStorage => (driver === "local" ? createLocalDiskStorage(localDir) : createS3Storage(s3Settings()));

  it("puts, stats, streams back and deletes an object by key", async () => {
    const key = newFileKey();
    const store = storage();
    await store.put(key, PNG, "image/png");
    expect(await store.stat(key)).toEqual({ size: PNG.length });
    const object = await store.get(key);
    expect(object?.size).toBe(PNG.length);
    expect(object!.body).toBeInstanceOf(ReadableStream);
    expect(await text(object!.body)).toEqual(PNG);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("replaces an object whole", async () => {
    const key = newFileKey();
    const store = storage();
    await store.put(key, PNG, "image/png");
    await store.put(key, PDF, "application/pdf");
    expect(await text((await store.get(key))!.body)).toEqual(PDF);
  });

  it("refuses keys that could name a place outside its folder or bucket", async () => {
    const store = storage();
    for (const key of [
      "../escape",
      "files/../../etc/passwd",
      "/etc/passwd",
      "files//x",
      "files/./x",
      "x.tmp",
      "Files/x",
      "",
      "a\u0000b",
      "files\\x",
      "a".repeat(201),
    ]) {
      expect(isValidKey(key), key).toBe(false);
      await expect(store.put(key, PNG, "image/png"), key).rejects.toThrow("Invalid storage key");
      await expect(store.get(key), key).rejects.toThrow("Invalid storage key");
      await expect(store.delete(key), key).rejects.toThrow("Invalid storage key");
    }
  });

  if (driver === "local") {
    it("writes through a temporary file and a rename, leaving nothing else behind", async () => {
      const key = newFileKey();
      await Promise.all([0, 1, 2, 3].map((i) => storage().put(key, Buffer.concat([PNG, Buffer.from([i])]), "image/png")));
      const folder = join(localDir, key, "..");
      expect(readdirSync(folder).filter((name) => name.includes(".tmp"))).toEqual([]);
      expect((await storage().stat(key))?.size).toBe(PNG.length + 1);
    });
  } else {
    it("signs every request (the fake checks each one) and fails loudly on a wrong secret", async () => {
      const before = fake.refused.length;
      const key = newFileKey();
      await storage().put(key, PDF, "application/pdf");
      expect(fake.objects.get(key)?.type).toBe("application/pdf");
      expect(fake.refused.length).toBe(before);
      const wrong = createS3Storage(s3Settings({ secretAccessKey: "not-the-secret" }));
      await expect(wrong.put(newFileKey(), PDF, "application/pdf")).rejects.toThrow("S3 PUT answered 403");
      await expect(wrong.get(key)).rejects.toThrow("S3 GET answered 403");
      expect(fake.refused.slice(before)).toEqual(["signature mismatch", "signature mismatch"]);
    });

    it("addresses the bucket as a host name unless path style is asked for", async () => {
      const seen: { url: string; host: string | null; problem: string | null }[] = [];
      const capture = (async (url: string | URL, init?: RequestInit) => {
        const u = new URL(String(url));
        const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
        headers.host = u.host;
        const body = init?.body ? Buffer.from(init.body as Uint8Array) : Buffer.alloc(0);
        seen.push({ url: u.href, host: u.host, problem: verifySignature(String(init?.method), u.pathname, headers, body, S3.secretAccessKey) });
        return new Response(null, { status: 200 });
      }) as typeof fetch;
      const virtual = createS3Storage({ ...s3Settings(), endpoint: "https://s3.eu-central-1.amazonaws.com", forcePathStyle: false }, capture);
      await virtual.put("files/2026-12/abc", PNG, "image/png");
      expect(seen[0]).toEqual({
        url: "https://skh-files.s3.eu-central-1.amazonaws.com/files/2026-12/abc",
        host: "skh-files.s3.eu-central-1.amazonaws.com",
        problem: null,
      });
    });
  }
});

// ---- Content checks ----

describe("upload content is checked by its bytes", () => {
  it("knows PNG, JPEG and PDF by their signatures, and SVG as markup", () => {
    expect(sniffType(PNG)).toBe("image/png");
    expect(sniffType(JPEG)).toBe("image/jpeg");
    expect(sniffType(PDF)).toBe("application/pdf");
    expect(sniffType(Buffer.from(`\ufeff  ${CLEAN_SVG}`))).toBe("image/svg+xml");
    expect(sniffType(Buffer.from("MZ\x90\x00 an executable"))).toBeNull();
    expect(sniffType(Buffer.from("GIF89a"))).toBeNull();
  });

  it("refuses content that is not the declared type, whatever the name says", () => {
    const mismatches: [string, Buffer][] = [
      ["image/png", JPEG],
      ["image/jpeg", PNG],
      ["application/pdf", PNG],
      ["image/png", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")],
      ["image/svg+xml", PDF],
      ["application/pdf", Buffer.from("not a pdf %PDF-1.7")],
    ];
    for (const [declared, bytes] of mismatches) {
      expect(() => checkUploadContent(declared as "image/png", bytes), declared).toThrow(
        expect.objectContaining({ status: 415, message: "errors.fileContentMismatch" }),
      );
    }
  });

  it("rewrites a harmless SVG with only listed elements and attributes, the same on a second pass", () => {
    const clean = sanitizeSvg(Buffer.from(CLEAN_SVG));
    expect(clean.startsWith(`<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" width="10" height="10">`)).toBe(true);
    for (const gone of ["sodipodi", "metadata", "editor data", "data-x", "<?xml", "<!--"]) expect(clean).not.toContain(gone);
    for (const kept of ['<linearGradient id="g">', "fill: url(#g)", 'xlink:href="#r"', "Дія &amp; Helsi &lt;3", "data:image/png;base64,", "&gt; circle"]) {
      expect(clean).toContain(kept);
    }
    expect(sanitizeSvg(Buffer.from(clean))).toBe(clean);
  });

  it(`refuses every one of the ${HOSTILE_SVGS.length} hostile SVGs with its reason`, () => {
    expect(HOSTILE_SVGS.length).toBeGreaterThanOrEqual(20);
    for (const { label, svg, reason } of HOSTILE_SVGS) {
      let refusal: unknown;
      try {
        sanitizeSvg(Buffer.from(svg));
      } catch (error) {
        refusal = error;
      }
      expect(refusal, label).toBeInstanceOf(SvgRefused);
      expect((refusal as SvgRefused).reason, label).toBe(reason);
    }
  });

  it("gives a drawing with only a viewBox its size, so an image of it does not collapse; a given size stays", () => {
    expect(sanitizeSvg(Buffer.from(`<svg xmlns="${SVG_NS}" viewBox="0 0 360 640"><rect width="1" height="1"/></svg>`))).toMatch(
      /^<svg xmlns="[^"]+" viewBox="0 0 360 640" width="360" height="640">/,
    );
    expect(sanitizeSvg(Buffer.from(`<svg xmlns="${SVG_NS}" viewBox="0 0 360 640" width="100%"><rect width="1" height="1"/></svg>`))).toMatch(
      /^<svg xmlns="[^"]+" viewBox="0 0 360 640" width="100%">/,
    );
    expect(sanitizeSvg(Buffer.from(`<svg xmlns="${SVG_NS}"><rect width="1" height="1"/></svg>`))).toMatch(/^<svg xmlns="[^"]+">/);
  });

  it("refuses SVG that is not UTF-8", () => {
    const latin1 = Buffer.concat([Buffer.from(`<svg xmlns="${SVG_NS}"><text>`), Buffer.from([0xe9, 0xff]), Buffer.from("</text></svg>")]);
    expect(() => sanitizeSvg(latin1)).toThrow(expect.objectContaining({ reason: "svgMalformed" }));
  });

  it("makes file names safe for Content-Disposition", () => {
    expect(safeFileName('../../звіт "квартал".exe', "application/pdf")).toBe("звіт квартал.pdf");
    expect(safeFileName("photo\u202egnp.exe", "image/png")).toBe("photognp.png");
    expect(safeFileName("C:\\Users\\a\\screen.PNG", "image/png")).toBe("screen.png");
    expect(safeFileName("...", "image/jpeg")).toBe("file.jpg");
    expect(safeFileName(undefined, "image/svg+xml")).toBe("file.svg");
    expect(safeFileName("x".repeat(300), "image/png")).toHaveLength(104);
    expect(contentDisposition("attachment", "звіт квартал.pdf")).toBe(
      `attachment; filename="____ _______.pdf"; filename*=UTF-8''%D0%B7%D0%B2%D1%96%D1%82%20%D0%BA%D0%B2%D0%B0%D1%80%D1%82%D0%B0%D0%BB.pdf`,
    );
  });
});

// ---- The endpoints ----

type Person = TestPerson & { roles: Role[] };
let people: { methodologist: Person; colleague: Person; admin: Person; learner: Person; curator: Person; stranger: Person };

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const make = async (place: typeof here, roles: Role[]) => ({
    ...(await createPerson(db, { organizationId: place.organizationId, roles, password: "files-test-2026" })),
    roles,
  });
  people = {
    methodologist: await make(here, ["METHODOLOGIST"]),
    colleague: await make(here, ["METHODOLOGIST"]),
    admin: await make(there, ["ADMIN"]),
    learner: await make(here, ["LEARNER"]),
    curator: await make(here, ["CURATOR", "LEARNER"]),
    stranger: await make(there, ["METHODOLOGIST"]),
  };
});

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route with any body (bytes or a stream), same origin, the test cookie jar. */
async function call(
  handler: Handler,
  path: string,
  options: { method?: string; body?: BodyInit; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const headers = new Headers({ origin: ORIGIN, ...(options.headers ?? {}) });
  const jar = testCookieJar();
  if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  setTestRequestHeaders(headers);
  const init = { method: options.method ?? "POST", headers, body: options.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
  const response = await handler(new NextRequest(new URL(path, ORIGIN), init), { params: Promise.resolve(options.params ?? {}) });
  await runAfterResponseTasks();
  return response;
}

const upload = (bytes: Buffer, type: string, name?: string) =>
  call(uploadRoute.POST, `/api/v1/files${name ? `?name=${encodeURIComponent(name)}` : ""}`, {
    body: new Uint8Array(bytes),
    headers: { "content-type": type, "content-length": String(bytes.length) },
  });
const download = (id: string, headers: Record<string, string> = {}) => call(fileRoute.GET, `/api/v1/files/${id}`, { method: "GET", params: { id }, headers });
type Uploaded = { id: string; kind: string; contentType: string; size: number; sha256: string; name: string; url: string };

describe.each(["local", "s3"] as const)("uploading and serving through the %s storage", (driver) => {
  beforeEach(() => useDriver(driver));

  it("stores a PNG for a methodologist and serves it back inline, with nosniff, an ETag and no shared caching", async () => {
    await signInAs(people.methodologist.email);
    const res = await upload(PNG, "image/png", "Крок 1: вхід.png");
    expect(res.status).toBe(201);
    const file = (await res.json()) as Uploaded;
    expect(file).toMatchObject({
      kind: "IMAGE",
      contentType: "image/png",
      size: PNG.length,
      sha256: sha256Hex(PNG),
      name: "Крок 1 вхід.png",
      url: `/api/v1/files/${file.id}`,
    });
    const row = await getDb().storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.key).toMatch(/^files\/\d{4}-\d{2}\/[0-9a-f]{32}$/);
    expect(await getFileStorage().stat(row.key)).toEqual({ size: PNG.length });
    if (driver === "local") expect(existsSync(join(localDir, row.key))).toBe(true);
    else expect(fake.objects.has(row.key)).toBe(true);

    const got = await download(file.id);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("content-disposition")).toBe(`inline; filename="____ 1 ____.png"; filename*=UTF-8''${encodeURIComponent("Крок 1 вхід.png")}`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("etag")).toBe(`"${sha256Hex(PNG)}"`);
    expect(got.headers.get("cache-control")).toBe("private, no-cache");
    expect(got.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");

    const again = await download(file.id, { "if-none-match": `"${sha256Hex(PNG)}"` });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(`"${sha256Hex(PNG)}"`);
  });

  it("serves a PDF as an attachment and an SVG, sanitized, under a policy that runs nothing", async () => {
    await signInAs(people.admin.email);
    const pdf = (await (await upload(PDF, "application/pdf", "Методичка.pdf")).json()) as Uploaded;
    expect(pdf.kind).toBe("PDF");
    const gotPdf = await download(pdf.id);
    expect(gotPdf.headers.get("content-type")).toBe("application/pdf");
    expect(gotPdf.headers.get("content-disposition")).toMatch(/^attachment; filename="_+\.pdf"; filename\*=UTF-8''/);

    const svgRes = await upload(Buffer.from(CLEAN_SVG), "image/svg+xml; charset=utf-8", "схема.svg");
    expect(svgRes.status).toBe(201);
    const svg = (await svgRes.json()) as Uploaded;
    const gotSvg = await download(svg.id);
    expect(gotSvg.headers.get("content-type")).toBe("image/svg+xml");
    expect(gotSvg.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(gotSvg.headers.get("content-disposition")).toMatch(/^inline; /);
    const body = await gotSvg.text();
    expect(body).toBe(sanitizeSvg(Buffer.from(CLEAN_SVG)));
    expect(svg.size).toBe(Buffer.byteLength(body));
    expect(svg.sha256).toBe(sha256Hex(body));
  });

  it("lets only methodologists and admins upload", async () => {
    signOutLocally();
    expect((await upload(PNG, "image/png")).status).toBe(401);
    for (const who of [people.learner, people.curator]) {
      await signInAs(who.email);
      const res = await upload(PNG, "image/png");
      expect(res.status, who.roles.join()).toBe(403);
    }
    await signInAs(people.colleague.email);
    expect((await upload(PNG, "image/png")).status).toBe(201);
  });

  it("serves a loose upload to its uploader only: 404 to everyone else, as if it did not exist", async () => {
    await signInAs(people.methodologist.email);
    const file = (await (await upload(JPEG, "image/jpeg")).json()) as Uploaded;
    for (const who of [people.colleague, people.stranger, people.learner, people.curator, people.admin]) {
      await signInAs(who.email);
      const res = await download(file.id);
      expect(res.status, who.email).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    signOutLocally();
    expect((await download(file.id)).status).toBe(401);
    await signInAs(people.methodologist.email);
    expect((await download(file.id)).status).toBe(200);
    expect((await download("cnotafile000000000000000000")).status).toBe(404);
  });

  it("refuses the wrong type, mismatched content and hostile SVG — and stores none of it", async () => {
    await signInAs(people.methodologist.email);
    const before = await getDb().storedFile.count({ where: { ownerId: people.methodologist.id } });
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from("GIF89a...."), "image/gif", 415, "fileTypeNotAllowed"],
      [Buffer.from("{}"), "application/json", 415, "fileTypeNotAllowed"],
      [Buffer.from("<html></html>"), "text/html", 415, "fileTypeNotAllowed"],
      [JPEG, "image/png", 415, "fileContentMismatch"],
      [Buffer.from("#!/bin/sh\nrm -rf /\n"), "application/pdf", 415, "fileContentMismatch"],
      ...HOSTILE_SVGS.map(({ svg, reason }) => [Buffer.from(svg), "image/svg+xml", 422, reason] as [Buffer, string, number, string]),
    ];
    for (const [bytes, type, status, key] of cases) {
      const res = await upload(bytes, type);
      const answer = (await res.json()) as { error: { message: string } };
      expect(res.status, `${type} ${key}`).toBe(status);
      expect(answer.error.message).toBe((uk.errors as Record<string, string>)[key]);
    }
    expect(await getDb().storedFile.count({ where: { ownerId: people.methodologist.id } })).toBe(before);
  });

  it("refuses an image over 2 MB by its declared length before reading, and a PDF over 10 MB", async () => {
    await signInAs(people.methodologist.email);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * MB)]);
    const res = await upload(big, "image/png");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const fits = Buffer.concat([PDF, Buffer.alloc(3 * MB)]);
    expect((await upload(fits, "application/pdf")).status).toBe(201);
    expect((await upload(Buffer.concat([PDF, Buffer.alloc(10 * MB)]), "application/pdf")).status).toBe(413);
  });

  it("stops reading a body with no length the moment it passes the limit (an endless stream ends with 413)", async () => {
    await signInAs(people.methodologist.email);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const first = pulled === 0;
        pulled += chunk.byteLength;
        controller.enqueue(first ? new Uint8Array(Buffer.concat([PNG, Buffer.alloc(chunk.byteLength - PNG.length)])) : chunk);
      },
    });
    const res = await call(uploadRoute.POST, "/api/v1/files", { body: endless, headers: { "content-type": "image/png" } });
    expect(res.status).toBe(413);
    expect(pulled).toBeGreaterThan(2 * MB);
    expect(pulled).toBeLessThan(2 * MB + 1 * MB);
  });

  it("keeps two uploads of the same content, at the same moment, as two files", async () => {
    await signInAs(people.colleague.email);
    const [a, b] = await Promise.all([upload(PDF, "application/pdf", "a.pdf"), upload(PDF, "application/pdf", "b.pdf")]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [fa, fb] = [(await a.json()) as Uploaded, (await b.json()) as Uploaded];
    expect(fa.id).not.toBe(fb.id);
    expect(fa.sha256).toBe(fb.sha256);
    const rows = await getDb().storedFile.findMany({ where: { id: { in: [fa.id, fb.id] } } });
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    // Each item owns its copy: removing one leaves the other whole.
    await getFileStorage().delete(rows[0]!.key);
    expect(await getFileStorage().stat(rows[1]!.key)).toEqual({ size: PDF.length });
  });

  it("holds the daily quota when the last free upload is raced", async () => {
    const db = getDb();
    const person = await createPerson(db, { organizationId: people.methodologist.organizationId, roles: ["METHODOLOGIST"], password: "files-test-2026" });
    await db.storedFile.createMany({
      data: Array.from({ length: UPLOAD_QUOTA.files - 1 }, () => ({
        key: newFileKey(),
        kind: "IMAGE",
        contentType: "image/png",
        size: PNG.length,
        sha256: sha256Hex(PNG),
        name: "earlier.png",
        ownerId: person.id,
      })),
    });
    await signInAs(person.email);
    const results = await Promise.all([upload(PNG, "image/png"), upload(PNG, "image/png")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.storedFile.count({ where: { ownerId: person.id } })).toBe(UPLOAD_QUOTA.files);
  });

  it("replays an upload sent twice with the same Idempotency-Key instead of storing it twice", async () => {
    await signInAs(people.colleague.email);
    const key = `upload-${driver}-${Date.now()}`;
    const send = () =>
      call(uploadRoute.POST, "/api/v1/files?name=same.png", {
        body: new Uint8Array(PNG),
        headers: { "content-type": "image/png", "content-length": String(PNG.length), "idempotency-key": key },
      });
    const first = (await (await send()).json()) as Uploaded;
    const second = await send();
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(((await second.json()) as Uploaded).id).toBe(first.id);
  });

  it("deletes uploads never attached after 24 hours, in the daily purge, and keeps the rest", async () => {
    await signInAs(people.methodologist.email);
    const ids = [];
    for (const name of ["old-loose", "old-attached", "new-loose"]) ids.push(((await (await upload(PNG, "image/png", `${name}.png`)).json()) as Uploaded).id);
    const [oldLoose, oldAttached, newLoose] = ids as [string, string, string];
    const db = getDb();
    const now = new Date();
    const dayAndMinute = new Date(now.getTime() - RETENTION_MS.orphanedFile - 60_000);
    await db.storedFile.update({ where: { id: oldLoose }, data: { createdAt: dayAndMinute } });
    await db.storedFile.update({ where: { id: oldAttached }, data: { createdAt: dayAndMinute, itemType: "lesson", itemId: "some-lesson", attachedAt: now } });
    await db.storedFile.update({ where: { id: newLoose }, data: { createdAt: new Date(now.getTime() - RETENTION_MS.orphanedFile + 60_000) } });
    const keys = Object.fromEntries((await db.storedFile.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r.key]));

    await purgeExpiredRecords(now);

    expect((await db.storedFile.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } })).map((r) => r.name)).toEqual([
      "new-loose.png",
      "old-attached.png",
    ]);
    expect(await getFileStorage().stat(keys[oldLoose]!)).toBeNull();
    expect(await getFileStorage().stat(keys[oldAttached]!)).toEqual({ size: PNG.length });
    expect(await getFileStorage().stat(keys[newLoose]!)).toEqual({ size: PNG.length });
  });
});

describe("the database keeps the ledger honest", () => {
  it("refuses a key outside the pattern, a wrong type for the kind, a size over the limit and half an attachment", async () => {
    const db = getDb();
    const base = { kind: "IMAGE", contentType: "image/png", size: 10, sha256: sha256Hex("x"), name: "x.png", ownerId: people.methodologist.id };
    const bad = [
      { ...base, key: "../escape" },
      { ...base, key: newFileKey(), contentType: "application/pdf" },
      { ...base, key: newFileKey(), size: 2 * MB + 1 },
      { ...base, key: newFileKey(), kind: "PDF", contentType: "application/pdf", size: 10 * MB + 1 },
      { ...base, key: newFileKey(), sha256: "not-a-hash" },
      { ...base, key: newFileKey(), itemType: "lesson" },
    ];
    for (const data of bad) await expect(db.storedFile.create({ data }), JSON.stringify(data).slice(0, 80)).rejects.toThrow();
  });

  it("attaches only the actor's own loose uploads, once: a second item racing for a file gets 409", async () => {
    const db = getDb();
    const owner = people.methodologist;
    const loose = () =>
      db.storedFile.create({
        data: { key: newFileKey(), kind: "IMAGE", contentType: "image/png", size: PNG.length, sha256: sha256Hex(PNG), name: "screen.png", ownerId: owner.id },
      });
    const actor = (p: Person) => ({ id: p.id, roles: p.roles, organizationId: p.organizationId, hromadaId: "", regionId: "" });
    const [a, b, c] = [await loose(), await loose(), await loose()];

    await expect(attachFiles(actor(people.colleague), [a.id], { itemType: "lesson", itemId: "l1" })).rejects.toMatchObject({ status: 409 });
    await attachFiles(actor(owner), [a.id, b.id], { itemType: "lesson", itemId: "l1" });
    expect((await db.storedFile.findMany({ where: { id: { in: [a.id, b.id] } } })).map((f) => [f.itemType, f.itemId])).toEqual([
      ["lesson", "l1"],
      ["lesson", "l1"],
    ]);
    await expect(attachFiles(actor(owner), [b.id], { itemType: "walkthrough", itemId: "w1" })).rejects.toMatchObject({ message: "errors.fileNotAttachable" });

    const race = await Promise.allSettled(
      ["n1", "n2"].map((itemId) => db.$transaction((tx) => attachFiles(actor(owner), [c.id], { itemType: "methodology-note", itemId }, tx))),
    );
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: c.id } })).itemType).toBe("methodology-note");
  });
});
