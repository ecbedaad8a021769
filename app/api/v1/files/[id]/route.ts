import { handle } from "@/server/api/handler";
import { fileEndpoints } from "@/features/files/endpoints";
import { serveFile } from "@/features/files/server/serve-file";

export const GET = handle(fileEndpoints.getFile, async ({ user, params, req }) => ({
  response: await serveFile(user, params.id, req.headers.get("if-none-match")),
}));
