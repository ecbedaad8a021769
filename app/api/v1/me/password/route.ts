import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { changePassword } from "@/features/accounts/server/profile";
import { issueSessionCookie } from "@/server/auth/session-cookie";
import { currentSessionId } from "@/server/auth/current-user";

export const POST = handle(accountEndpoints.changePassword, async ({ user, body, ip }) => {
  const sessionVersion = await changePassword(user, body.currentPassword, body.newPassword, ip, await currentSessionId());
  await issueSessionCookie(user.id, sessionVersion, Math.floor(Date.now() / 1000));
  return { body: { ok: true } };
});
