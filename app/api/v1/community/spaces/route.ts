import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { listSpaces } from "@/features/community/server/list-spaces";
import { createNationalSpace } from "@/features/community/server/create-space";

export const GET = handle(e.listSpaces, async ({ user }) => ({ body: { spaces: await listSpaces(user) } }));

export const POST = handle({ ...e.createSpace, permission: "create:community-space" }, async ({ user, body }) => ({
  status: 201,
  body: await createNationalSpace(user, body),
}));
