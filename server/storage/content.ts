import { createHash } from "node:crypto";
import { AppError, type MessageKey } from "../errors";
import { sanitizeSvg, SvgRefused } from "./svg";
import { readBodyWithinLimit } from "../http/read-body";

const MB = 1024 * 1024;

/**
 * What may be uploaded, by declared type: its kind and largest size (decision 029). The type is
 * then checked against the content itself — a file's name or extension is never believed.
 */
export const UPLOAD_TYPES = {
  "image/png": { kind: "IMAGE", maxBytes: 2 * MB, extension: "png" },
  "image/jpeg": { kind: "IMAGE", maxBytes: 2 * MB, extension: "jpg" },
  "image/svg+xml": { kind: "IMAGE", maxBytes: 2 * MB, extension: "svg" },
  "application/pdf": { kind: "PDF", maxBytes: 10 * MB, extension: "pdf" },
} as const;
export type UploadType = keyof typeof UPLOAD_TYPES;
export type FileKind = (typeof UPLOAD_TYPES)[UploadType]["kind"];
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_TYPES).map((t) => t.maxBytes));

export function isUploadType(type: string): type is UploadType {
  return Object.hasOwn(UPLOAD_TYPES, type);
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaTypeOf(header: string | null): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/** An upload's body, refused past its type's limit while it streams in (server/http/read-body.ts). */
export function readWithinLimit(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  return readBodyWithinLimit(body, maxBytes, { tooLarge: "errors.fileTooLarge", missing: "errors.fileEmpty", empty: "errors.fileEmpty" });
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG = [0xff, 0xd8, 0xff] as const;
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // "%PDF-"

/** The type the content itself shows, by its first bytes (SVG: text that opens with "<"), or null. */
export function sniffType(bytes: Uint8Array): UploadType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PDF)) return "application/pdf";
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c ? "image/svg+xml" : null;
}

export type CheckedUpload = { contentType: UploadType; kind: FileKind; bytes: Uint8Array; sha256: string };

/**
 * The bytes to store for an upload declared as `declared`: the content must be of that type
 * (415 with a clear message otherwise); SVG is sanitized and stored as rewritten, or refused (422).
 */
export function checkUploadContent(declared: UploadType, bytes: Uint8Array): CheckedUpload {
  const sniffed = sniffType(bytes);
  if (sniffed !== declared) throw new AppError("unsupported_media_type", "errors.fileContentMismatch");
  let stored = bytes;
  if (declared === "image/svg+xml") {
    try {
      stored = new TextEncoder().encode(sanitizeSvg(bytes));
    } catch (error) {
      if (error instanceof SvgRefused) {
        throw new AppError("unprocessable", `errors.${error.reason}` as MessageKey, undefined, undefined, error.line ? { line: error.line } : undefined);
      }
      throw error;
    }
    if (stored.byteLength > UPLOAD_TYPES[declared].maxBytes) throw new AppError("payload_too_large", "errors.fileTooLarge");
  }
  return { contentType: declared, kind: UPLOAD_TYPES[declared].kind, bytes: stored, sha256: createHash("sha256").update(stored).digest("hex") };
}

/**
 * A file name fit for Content-Disposition: no path, no control or bidi-override characters (which
 * can make "gpj.exe" read as "exe.jpg"), no quotes, at most 100 characters, and the extension of
 * the content's real type. Empty or unusable names become "file".
 */
export function safeFileName(name: string | null | undefined, type: UploadType): string {
  const extension = UPLOAD_TYPES[type].extension;
  const base = (name ?? "")
    .normalize("NFC")
    .split(/[/\\]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff"*:<>?|;]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 100)
    .trim();
  return `${base || "file"}.${extension}`;
}

/** The Content-Disposition header: an ASCII fallback name and the UTF-8 one (RFC 6266, RFC 8187). */
export function contentDisposition(disposition: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = Array.from(new TextEncoder().encode(name), (b) =>
    /[A-Za-z0-9!#$&+\-.^_`|~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
