import "server-only";
import { getDb } from "@/server/db/client";
import { authorize } from "@/server/authz/policy";
import { rateLimited, AppError } from "@/server/errors";
import type { SessionUser } from "@/server/auth/current-user";
import { getFileStorage, type FileStorage } from "@/server/storage";
import { checkUploadContent, isUploadType, mediaTypeOf, readWithinLimit, safeFileName, UPLOAD_TYPES } from "@/server/storage/content";
import { newFileKey } from "@/server/storage/keys";
import { toStoredFileDto } from "./stored-file-dto";
import type { TStoredFile } from "../schemas";

const HOUR_MS = 60 * 60 * 1000;

/**
 * How much one person may upload in any 24 hours (decision 029). Counted from the database under
 * a lock on the person's row, so it holds across app servers and for uploads at the same moment.
 */
export const UPLOAD_QUOTA = { files: 100, bytes: 200 * 1024 * 1024, windowMs: 24 * HOUR_MS } as const;

/** The request's Content-Type header (the declared type), the uploader's name for the file, the body. */
export type UploadInput = { contentType: string | null; name: string | undefined; body: ReadableStream<Uint8Array> | null };

/**
 * Stores an upload: checks the body within its type's limit while it streams in, checks the
 * content is that type (SVG sanitized), records the row under the quota, then writes the bytes.
 * The row comes first so no object is ever stored without one; if the write fails the row goes.
 */
export async function uploadFile(actor: SessionUser, input: UploadInput, storage: FileStorage = getFileStorage()): Promise<TStoredFile> {
  authorize(actor, "upload:file");
  const declared = mediaTypeOf(input.contentType);
  if (!isUploadType(declared)) throw new AppError("unsupported_media_type", "errors.fileTypeNotAllowed");
  const bytes = await readWithinLimit(input.body, UPLOAD_TYPES[declared].maxBytes);
  const checked = checkUploadContent(declared, bytes);
  const db = getDb();
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${actor.id} FOR NO KEY UPDATE`;
    const now = new Date();
    const used = await tx.storedFile.aggregate({
      where: { ownerId: actor.id, createdAt: { gt: new Date(now.getTime() - UPLOAD_QUOTA.windowMs) } },
      _count: { _all: true },
      _sum: { size: true },
      _min: { createdAt: true },
    });
    if (used._count._all + 1 > UPLOAD_QUOTA.files || (used._sum.size ?? 0) + checked.bytes.byteLength > UPLOAD_QUOTA.bytes) {
      const oldest = used._min.createdAt ?? now;
      const seconds = Math.max(60, Math.ceil((oldest.getTime() + UPLOAD_QUOTA.windowMs - now.getTime()) / 1000));
      throw rateLimited("errors.uploadQuota", seconds);
    }
    return tx.storedFile.create({
      data: {
        key: newFileKey(now),
        kind: checked.kind,
        contentType: checked.contentType,
        size: checked.bytes.byteLength,
        sha256: checked.sha256,
        name: safeFileName(input.name, checked.contentType),
        ownerId: actor.id,
      },
    });
  });
  try {
    await storage.put(row.key, checked.bytes, checked.contentType);
  } catch (error) {
    await db.storedFile.delete({ where: { id: row.id } }).catch(() => undefined);
    throw error;
  }
  return toStoredFileDto(row);
}
