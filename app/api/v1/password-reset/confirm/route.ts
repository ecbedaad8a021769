import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { confirmPasswordReset } from "@/features/accounts/server/password-reset";

export const POST = handle(accountEndpoints.confirmPasswordReset, async ({ body }) => {
  await confirmPasswordReset(body.token, body.password);
  return { body: { ok: true } };
});
