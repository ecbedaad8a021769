import { handle } from "@/server/api/handler";
import { communityGroupEndpoints as e } from "@/features/community/endpoints";
import { createGroup } from "@/features/community/server/create-group";

export const POST = handle({ ...e.createGroup, permission: "create:community-group" }, async ({ user, body }) => ({
  status: 201,
  body: await createGroup(user, body),
}));
