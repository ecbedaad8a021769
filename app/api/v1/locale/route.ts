import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { updateProfile } from "@/features/accounts/server/profile";
import { setLocaleCookie } from "@/server/auth/session-cookie";

export const POST = handle(accountEndpoints.chooseLocale, async ({ user, body }) => {
  if (user) await updateProfile(user, { locale: body.locale });
  await setLocaleCookie(body.locale);
  return { body: { ok: true } };
});
