import "server-only";
import { getDb } from "@/server/db/client";
import { can, type StoredFileResource } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/auth/current-user";
import { getFileStorage, type FileStorage } from "@/server/storage";
import { contentDisposition } from "@/server/storage/content";

/**
 * The item a file is attached to, as "read:stored-file" sees it. No kind of item attaches files
 * yet: authoring adds its item types here, loading the item's scope from the database. A file
 * attached to a kind this does not know is read by its uploader only (closed, not open).
 */
async function loadAttachedItem(_file: { itemType: string | null; itemId: string | null }): Promise<StoredFileResource["item"]> {
  return null;
}

/** Never guessed by the browser; SVG gets a policy of its own so that opening it runs nothing. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const FILE_POLICY = "default-src 'none'; sandbox";

/**
 * Answers a file to someone who may read it, streamed from the storage: 404 for a file that does
 * not exist and for one the actor may not read alike. If-None-Match with the file's ETag gets 304.
 * Cached only privately and revalidated every time, so a lost permission takes effect at once.
 */
export async function serveFile(actor: SessionUser, id: string, ifNoneMatch: string | null, storage: FileStorage = getFileStorage()): Promise<Response> {
  const file = await getDb().storedFile.findUnique({ where: { id } });
  if (!file || !can(actor, "read:stored-file", { ownerId: file.ownerId, item: await loadAttachedItem(file) })) {
    throw new AppError("not_found", "errors.fileNotFound");
  }
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    "Cache-Control": "private, no-cache",
    ETag: etag,
    Vary: "Cookie",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": file.contentType === "image/svg+xml" ? SVG_POLICY : FILE_POLICY,
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const object = await storage.get(file.key);
  if (!object) throw new AppError("not_found", "errors.fileNotFound");
  headers.set("Content-Type", file.contentType);
  headers.set("Content-Length", String(file.size));
  headers.set("Content-Disposition", contentDisposition(file.kind === "PDF" ? "attachment" : "inline", file.name));
  return new Response(object.body, { status: 200, headers });
}
