import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz/policy";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getTranslations("common"), getLocale()]);
  return (
    <header className="border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800 no-underline">
          {t("appName")}
        </Link>
        <nav aria-label={t("mainNav")} className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-2">
          {user ? (
            <>
              <Link href="/today">{t("today")}</Link>
              <Link href="/lessons">{t("lessons")}</Link>
              <Link href="/progress">{t("progress")}</Link>
              <Link href="/competences">{t("competences")}</Link>
              <Link href="/profile">{t("profile")}</Link>
              {can(user, "read:aggregates", { scope: "region", regionId: user.regionId }) ? <Link href="/reports">{t("reports")}</Link> : null}
              {can(user, "read:admin-area") ? <Link href="/admin">{t("admin")}</Link> : null}
            </>
          ) : null}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitch current={locale === "en" ? "en" : "uk"} />
          {user ? <SignOutButton /> : <Link href="/sign-in">{t("signIn")}</Link>}
        </div>
      </div>
    </header>
  );
}
