import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { acceptInvitation } from "@/features/accounts/server/accept-invitation";

export const POST = handle(accountEndpoints.acceptInvitation, async ({ body }) => {
  const account = await acceptInvitation(body.token, body.password);
  return { status: 201, body: account };
});
