import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { clearSessionCookie } from "@/server/auth/session-cookie";

export const POST = handle(accountEndpoints.signOut, async () => {
  await clearSessionCookie();
  return { body: { ok: true } };
});
