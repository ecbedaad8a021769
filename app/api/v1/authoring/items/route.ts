import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { createAuthoredItem } from "@/features/authoring/server/create-item";

export const POST = handle({ ...e.create, permission: "author:content" }, async ({ user, body }) => {
  const created = await createAuthoredItem(user, body);
  return { status: 201, body: created, formNext: `/authoring/${created.id}` };
});
