import { handle } from "@/server/api/handler";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { regenerateRecoveryCodes } from "@/features/accounts/server/second-factor/manage-own-factors";

export const POST = handle(secondFactorEndpoints.regenerateRecoveryCodes, async ({ user }) => {
  return { body: { recoveryCodes: await regenerateRecoveryCodes(user) } };
});
