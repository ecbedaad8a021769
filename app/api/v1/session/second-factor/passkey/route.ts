import { handle } from "@/server/api/handler";
import { AppError } from "@/server/errors";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { proveSecondFactor } from "@/features/accounts/server/second-factor/prove-second-factor";
import { getSecondFactorSession } from "@/server/auth/current-user";
import { pageOrigin } from "@/server/http/origin";

export const POST = handle(secondFactorEndpoints.provePasskey, async ({ req, body, ip }) => {
  const session = await getSecondFactorSession();
  if (!session) throw new AppError("unauthenticated", "errors.unauthenticated");
  return { body: await proveSecondFactor(session, { method: "passkey", response: body.response }, { ip, origin: pageOrigin(req) }) };
});
