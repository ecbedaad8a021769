import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { rollbackToVersion } from "@/features/authoring/server/rollback-item";

export const POST = handle({ ...e.rollback, permission: "author:content" }, async ({ user, params, body }) => ({
  body: await rollbackToVersion(user, params.id, body.version),
}));
