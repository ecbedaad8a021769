import { handle } from "@/server/api/handler";
import { personalDataEndpoints } from "@/features/accounts/personal-data-endpoints";
import { eraseUser } from "@/features/accounts/server/erase-user";

export const POST = handle({ ...personalDataEndpoints.eraseUser, permission: "manage:users" }, async ({ user, params, body }) => {
  return { body: await eraseUser(user, params.id, body.email) };
});
