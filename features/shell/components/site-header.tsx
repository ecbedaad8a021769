import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz/policy";
import { unreadNotificationCount } from "@/features/notifications/server/centre";
import { OutboxIndicator } from "@/features/offline/components/outbox-indicator";
import { ClientMessages } from "@/ui/client-messages";

const SIGN_OUT_FORM = "sign-out-form";

/**
 * The header's links are plain links, and changing the language and signing out are plain form
 * posts to their /api/v1 endpoints, which answer with a redirect, so they also work before the
 * page's scripts have loaded or when they never do (docs/decisions/009). Its one script is the
 * outbox indicator (decision 034): offline, changes waiting, and a question before signing out
 * with unsent changes.
 */
export async function SiteHeader() {
  const [user, t, tl, tw, locale, ta] = await Promise.all([
    getCurrentUser(),
    getTranslations("common"),
    getTranslations("languages"),
    getTranslations("workshops"),
    getLocale(),
    getTranslations("authoring"),
  ]);
  const unread = user ? await unreadNotificationCount(user) : 0;
  // The other language as one button: its label is in that language, so anyone can find it.
  const target = locale === "en" ? "uk" : "en";
  return (
    <header className="border-b-4 border-brand-700 bg-white" data-app-header="" data-user-id={user?.id}>
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <a href="/" className="text-xl font-bold text-brand-800 no-underline">
          {t("appName")}
        </a>
        <nav aria-label={t("mainNav")} className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-2">
          {user ? (
            <>
              <a href="/today">{t("today")}</a>
              <a href="/lessons">{t("lessons")}</a>
              <a href="/walkthroughs">{t("walkthroughs")}</a>
              <a href="/progress">{t("progress")}</a>
              <a href="/competences">{t("competences")}</a>
              <a href="/community">{t("community")}</a>
              <a href="/workshops">{tw("navLink")}</a>
              <a href="/methodology">{ta("notes.navLink")}</a>
              {can(user, "author:content") ? <a href="/authoring">{ta("pages.navLink")}</a> : null}
              {can(user, "read:caseload") ? <a href="/curator">{t("caseload")}</a> : null}
              <a href="/notifications">
                {t("notifications")}
                {unread ? (
                  <span className="ml-1 rounded-full bg-amber-700 px-2 text-sm font-bold text-white no-underline">
                    {unread}
                    <span className="sr-only"> {t("unread")}</span>
                  </span>
                ) : null}
              </a>
              <a href="/profile">{t("profile")}</a>
              {can(user, "read:aggregates", { scope: "region", regionId: user.regionId }) ? <a href="/reports">{t("reports")}</a> : null}
              {can(user, "read:admin-area") ? <a href="/admin">{t("admin")}</a> : null}
            </>
          ) : null}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          {user ? (
            <ClientMessages namespaces={["deviceOutbox"]}>
              <OutboxIndicator userId={user.id} signOutFormId={SIGN_OUT_FORM} />
            </ClientMessages>
          ) : null}
          {/* Without a `next` field the endpoint sends the browser back to the page it was on. */}
          <form method="post" action="/api/v1/locale" className="contents">
            <input type="hidden" name="locale" value={target} />
            <button type="submit" className="btn-secondary min-h-10 px-3 py-1" lang={target} aria-label={`${tl("switchTo")}: ${tl(target)}`}>
              {tl(target)}
            </button>
          </form>
          {user ? (
            <form id={SIGN_OUT_FORM} method="post" action="/api/v1/session/sign-out" className="contents">
              <input type="hidden" name="next" value="/sign-in" />
              <button type="submit" className="btn-secondary min-h-10 px-3 py-1">
                {t("signOut")}
              </button>
            </form>
          ) : (
            <a href="/sign-in">{t("signIn")}</a>
          )}
        </div>
      </div>
    </header>
  );
}
