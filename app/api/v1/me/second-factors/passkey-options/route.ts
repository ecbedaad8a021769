import { handle } from "@/server/api/handler";
import { AppError } from "@/server/errors";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { startPasskeyRegistration } from "@/features/accounts/server/second-factor/passkeys";
import { currentSessionId } from "@/server/auth/current-user";
import { pageOrigin } from "@/server/http/origin";

export const POST = handle(secondFactorEndpoints.passkeyRegistrationOptions, async ({ req, user }) => {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new AppError("unauthenticated", "errors.unauthenticated");
  return { body: await startPasskeyRegistration(user, sessionId, pageOrigin(req)) };
});
