import { handle } from "@/server/api/handler";
import { AppError } from "@/server/errors";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { startPasskeyProof } from "@/features/accounts/server/second-factor/passkeys";
import { getSecondFactorSession } from "@/server/auth/current-user";
import { pageOrigin } from "@/server/http/origin";

export const POST = handle(secondFactorEndpoints.passkeyProofOptions, async ({ req }) => {
  const session = await getSecondFactorSession();
  if (!session) throw new AppError("unauthenticated", "errors.unauthenticated");
  return { body: await startPasskeyProof(session, pageOrigin(req)) };
});
