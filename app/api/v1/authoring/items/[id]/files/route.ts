import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { attachItemFile } from "@/features/authoring/server/attach-item-files";

export const POST = handle({ ...e.attachFile, permission: "author:content" }, async ({ user, params, body }) => ({
  body: await attachItemFile(user, params.id, body.fileId),
}));
