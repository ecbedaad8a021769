import { handle } from "@/server/api/handler";
import { fileEndpoints } from "@/features/files/endpoints";
import { uploadFile } from "@/features/files/server/upload-file";

export const POST = handle({ ...fileEndpoints.uploadFile, permission: "upload:file" }, async ({ user, query, req }) => ({
  status: 201,
  body: await uploadFile(user, { contentType: req.headers.get("content-type"), name: query.name, body: req.body }),
}));
