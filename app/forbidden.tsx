import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";

/** Part of every page's payload as a root boundary: a plain link keeps next/link's code off pages that never show it (decision 009). */
export default async function Forbidden() {
  const [t, user] = await Promise.all([getTranslations("forbidden"), getCurrentUser()]);
  // A methodologist or an admin is who others ask; they ask the platform's administrators.
  const asksAdmin = user?.roles.some((role) => role === "METHODOLOGIST" || role === "ADMIN") ?? false;
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{asksAdmin ? t("leadAskAdmin") : t("lead")}</p>
      <a href="/">{t("home")}</a>
    </>
  );
}
