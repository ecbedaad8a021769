import type { TStoredFile } from "../schemas";

type StoredFileRow = { id: string; kind: string; contentType: string; size: number; sha256: string; name: string };

export function toStoredFileDto(row: StoredFileRow): TStoredFile {
  return {
    id: row.id,
    kind: row.kind === "PDF" ? "PDF" : "IMAGE",
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    name: row.name,
    url: `/api/v1/files/${row.id}`,
  };
}
