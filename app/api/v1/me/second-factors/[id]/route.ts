import { handle } from "@/server/api/handler";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { removeSecondFactor } from "@/features/accounts/server/second-factor/manage-own-factors";

export const DELETE = handle(secondFactorEndpoints.removeSecondFactor, async ({ user, params }) => {
  await removeSecondFactor(user, params.id);
  return { body: { ok: true } };
});
