import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";

/** Part of every page's payload as a root boundary: a plain link keeps next/link's code off pages that never show it (decision 009). */
export default async function Forbidden() {
  const [t, user] = await Promise.all([getTranslations("forbidden"), getCurrentUser()]);
  // An admin or a methodologist without a second factor acts without that role until they enrol (decision 052).
  if (user?.withheldRoles?.length) {
    return (
      <>
        <h1 className="page-title">{t("secondFactorTitle")}</h1>
        <p className="mb-4 max-w-prose">{t("secondFactorLead")}</p>
        <a className="btn" href="/profile/security">
          {t("secondFactorEnrol")}
        </a>
      </>
    );
  }
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
