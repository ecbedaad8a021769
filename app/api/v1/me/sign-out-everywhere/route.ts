import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { signOutEverywhere } from "@/features/accounts/server/profile";
import { clearSessionCookie } from "@/server/auth/session-cookie";

export const POST = handle(accountEndpoints.signOutEverywhere, async ({ user }) => {
  await signOutEverywhere(user);
  await clearSessionCookie();
  return { body: { ok: true } };
});
