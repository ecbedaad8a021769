import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { submitForReview } from "@/features/authoring/server/submit-item";

export const POST = handle({ ...e.submit, permission: "author:content" }, async ({ user, params, body }) => ({
  body: await submitForReview(user, params.id, body.revision),
}));
