import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { withdrawFromReview } from "@/features/authoring/server/submit-item";

export const POST = handle({ ...e.withdraw, permission: "author:content" }, async ({ user, params, body }) => ({
  body: await withdrawFromReview(user, params.id, body.revision),
}));
