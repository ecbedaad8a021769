import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { returnForChanges } from "@/features/authoring/server/decide-review";

export const POST = handle({ ...e.return, permission: "author:content" }, async ({ user, params, body }) => ({
  body: await returnForChanges(user, params.id, body),
}));
