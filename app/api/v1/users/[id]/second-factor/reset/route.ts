import { handle } from "@/server/api/handler";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { resetSecondFactor } from "@/features/accounts/server/second-factor/reset-second-factor";

export const POST = handle(secondFactorEndpoints.resetSecondFactor, async ({ user, params }) => {
  return { body: await resetSecondFactor(user, params.id) };
});
