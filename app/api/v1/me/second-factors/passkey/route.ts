import { handle } from "@/server/api/handler";
import { AppError } from "@/server/errors";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { enrolPasskey } from "@/features/accounts/server/second-factor/passkeys";
import { currentSessionId } from "@/server/auth/current-user";
import { pageOrigin } from "@/server/http/origin";

export const POST = handle(secondFactorEndpoints.enrolPasskey, async ({ req, user, body }) => {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new AppError("unauthenticated", "errors.unauthenticated");
  const { recoveryCodes } = await enrolPasskey(user, sessionId, pageOrigin(req), body);
  return { status: 201, body: { recoveryCodes } };
});
