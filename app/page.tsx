import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz/policy";
import { nameInCase } from "@/server/name-cases";

export default async function HomePage() {
  const [user, t, tc, locale] = await Promise.all([getCurrentUser(), getTranslations("home"), getTranslations("common"), getLocale()]);
  if (user) {
    const nameVoc = await nameInCase(user.name, "vocative", locale === "en" ? "en" : "uk");
    return (
      <>
        <h1 className="page-title">{t("welcome", { nameVoc })}</h1>
        <p className="mb-4 max-w-prose">{t("signedInLead")}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a className="btn" href="/today">
              {tc("today")}
            </a>
          </li>
          <li>
            <a className="btn-secondary" href="/profile">
              {tc("profile")}
            </a>
          </li>
          {can(user, "read:admin-area") ? (
            <li>
              <a className="btn-secondary" href="/admin">
                {tc("admin")}
              </a>
            </li>
          ) : null}
        </ul>
      </>
    );
  }
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose text-lg">{t("lead")}</p>
      <ul className="mb-6 grid gap-3 sm:grid-cols-3">
        <li className="card">{t("point1")}</li>
        <li className="card">{t("point2")}</li>
        <li className="card">{t("point3")}</li>
      </ul>
      <a className="btn" href="/sign-in">
        {t("cta")}
      </a>
    </>
  );
}
