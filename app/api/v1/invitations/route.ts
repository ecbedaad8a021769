import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { createInvitations } from "@/features/accounts/server/create-invitations";

export const POST = handle({ ...accountEndpoints.createInvitation, permission: "invite:users" }, async ({ user, body }) => {
  const [invitation] = await createInvitations(user, [body]);
  return { status: 201, body: invitation };
});
