import "server-only";
import type { S3Settings } from "../env";
import { assertValidKey } from "./keys";
import { EMPTY_SHA256, sha256Hex, signRequest, uriEncode, type SigV4Credentials } from "./sigv4";
import type { FileStorage } from "./types";

const TIMEOUT_MS = 30_000;

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, Cloudflare R2, …) over fetch with SigV4
 * signatures: the one shared place several app servers keep files in.
 */
export function createS3Storage(settings: S3Settings, fetchImpl: typeof fetch = fetch): FileStorage {
  const endpoint = new URL(settings.endpoint);
  const credentials: SigV4Credentials = {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
  };
  const basePath = endpoint.pathname.replace(/\/$/, "");

  function target(key: string): { url: string; host: string; path: string } {
    assertValidKey(key);
    const encodedKey = uriEncode(key, true);
    if (settings.forcePathStyle) {
      const path = `${basePath}/${uriEncode(settings.bucket, false)}/${encodedKey}`;
      return { url: `${endpoint.origin}${path}`, host: endpoint.host, path };
    }
    const host = `${settings.bucket}.${endpoint.host}`;
    const path = `${basePath}/${encodedKey}`;
    return { url: `${endpoint.protocol}//${host}${path}`, host, path };
  }

  async function send(method: string, key: string, body?: Uint8Array, extra: Record<string, string> = {}): Promise<Response> {
    const { url, host, path } = target(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const signed = signRequest({ method, host, path, headers: { ...extra, "x-amz-content-sha256": payloadHash }, payloadHash, now: new Date() }, credentials);
    // fetch sets Host itself (to the same value that was signed).
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== "host"));
    return fetchImpl(url, {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  /** A failed call names the operation and status, never the key's owner, the URL's secrets or the body. */
  const failure = (operation: string, status: number) => new Error(`S3 ${operation} answered ${status}`);

  return {
    driver: "s3",

    async put(key, content, contentType) {
      const response = await send("PUT", key, content, { "content-type": contentType });
      await response.body?.cancel();
      if (!response.ok) throw failure("PUT", response.status);
    },

    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw failure("GET", response.status);
      }
      return { body: response.body, size: Number(response.headers.get("content-length") ?? 0) };
    },

    async stat(key) {
      const response = await send("HEAD", key);
      await response.body?.cancel();
      if (response.status === 404) return null;
      if (!response.ok) throw failure("HEAD", response.status);
      return { size: Number(response.headers.get("content-length") ?? 0) };
    },

    async delete(key) {
      const response = await send("DELETE", key);
      await response.body?.cancel();
      // S3 answers 204 whether or not the object was there; some stores answer 404.
      if (!response.ok && response.status !== 404) throw failure("DELETE", response.status);
    },
  };
}
