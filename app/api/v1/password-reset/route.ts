import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { schedulePasswordReset } from "@/features/accounts/server/password-reset";

export const POST = handle(accountEndpoints.requestPasswordReset, async ({ body }) => {
  schedulePasswordReset(body.email);
  return { status: 202, body: { ok: true } };
});
