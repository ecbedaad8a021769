import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { manageUser } from "@/features/accounts/server/manage-user";

export const POST = handle({ ...accountEndpoints.manageUser, permission: "manage:users" }, async ({ user, params }) => {
  return { body: await manageUser(user, params.id, params.action) };
});
