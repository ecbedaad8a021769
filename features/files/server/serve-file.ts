import "server-only";
import { getDb } from "@/server/db/client";
import { can, type StoredFileResource } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/auth/current-user";
import { getFileStorage, type FileStorage } from "@/server/storage";
import { contentDisposition } from "@/server/storage/content";
import { AUTHORED_ITEM_FILES } from "@/features/content/media-path";

/**
 * The item a file is attached to, as "read:stored-file" sees it, loaded from the database. An
 * authored item (lesson, guide or note written in the app) is read by its own rule — its region,
 * hromadas and whether it is published — so its files are read by exactly who reads the item. A
 * file attached to a kind this does not know, or to an item that is gone, is read by its uploader
 * only (closed, not open).
 */
async function loadAttachedItem(file: { itemType: string | null; itemId: string | null }): Promise<StoredFileResource["item"]> {
  if (file.itemType !== AUTHORED_ITEM_FILES || file.itemId === null) return null;
  const item = await getDb().authoredItem.findUnique({
    where: { id: file.itemId },
    select: { regionId: true, currentVersion: true, submittedById: true, hromadas: { select: { hromadaId: true } } },
  });
  if (!item) return null;
  return {
    scope: "authored",
    resource: {
      regionId: item.regionId,
      hromadaIds: item.hromadas.map((h) => h.hromadaId),
      isPublished: item.currentVersion !== null,
      submittedById: item.submittedById,
    },
  };
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
