import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { revokeInvitation } from "@/features/accounts/server/revoke-invitation";

export const DELETE = handle({ ...accountEndpoints.revokeInvitation, permission: "invite:users" }, async ({ user, params }) => {
  await revokeInvitation(user, params.id);
  return { body: { ok: true } };
});
