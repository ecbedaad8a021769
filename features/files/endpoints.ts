import { defineEndpoint } from "@/server/api/endpoint";
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from "@/server/storage/content";
import { ZFileParams, ZStoredFile, ZUploadQuery } from "./schemas";

export const fileEndpoints = {
  uploadFile: defineEndpoint({
    method: "POST",
    path: "/api/v1/files",
    tag: "files",
    auth: "user",
    summary:
      "Upload one file as the raw body, its type in Content-Type (methodologists, admins): PNG, JPEG or SVG images up to 2 MB, PDF up to 10 MB; the content must be of that type, SVG is sanitized or refused. ?name= keeps the file's name. A file not attached to an item within 24 hours is deleted. At most 100 files and 200 MB a person a day.",
    query: ZUploadQuery,
    upload: { types: Object.keys(UPLOAD_TYPES), maxBytes: MAX_UPLOAD_BYTES },
    response: ZStoredFile,
    statuses: [201, 403, 413, 415, 422, 429],
  }),
  getFile: defineEndpoint({
    method: "GET",
    path: "/api/v1/files/{id}",
    tag: "files",
    auth: "user",
    summary:
      "The file's bytes with its stored type, Content-Disposition (inline for images, attachment for PDF), nosniff and an ETag (If-None-Match answers 304). 404 unless you uploaded it or the item it is attached to is yours to read.",
    params: ZFileParams,
    statuses: [200, 304, 404],
  }),
};
