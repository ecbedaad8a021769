import { handle } from "@/server/api/handler";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { enrolTotp } from "@/features/accounts/server/second-factor/enrol-totp";
import { currentSessionId } from "@/server/auth/current-user";

export const POST = handle(secondFactorEndpoints.enrolTotp, async ({ user, body }) => {
  const { recoveryCodes } = await enrolTotp(user, await currentSessionId(), body);
  return { status: 201, body: { recoveryCodes } };
});
