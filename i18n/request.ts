import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { getCurrentUser } from "../server/auth/current-user";
import { MESSAGES, resolveRequestLocale, TIME_ZONE } from "../server/i18n";
import { LOCALE_COOKIE } from "../server/auth/session-config";

export default getRequestConfig(async () => {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  const locale = resolveRequestLocale(user?.locale, jar.get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
