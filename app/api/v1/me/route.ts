import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { updateProfile } from "@/features/accounts/server/profile";
import { setLocaleCookie } from "@/server/auth/session-cookie";

export const PATCH = handle(accountEndpoints.updateProfile, async ({ user, body }) => {
  const profile = await updateProfile(user, body);
  if (body.locale) await setLocaleCookie(body.locale);
  return { body: profile };
});
