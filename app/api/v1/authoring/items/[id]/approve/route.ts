import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { approveForPublication } from "@/features/authoring/server/decide-review";

export const POST = handle({ ...e.approve, permission: "author:content" }, async ({ user, params, body }) => {
  const approved = await approveForPublication(user, params.id, body);
  return { body: { ...approved, publishAt: approved.publishAt.toISOString() } };
});
