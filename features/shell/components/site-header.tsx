import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz/policy";
import { unreadNotificationCount } from "@/features/notifications/server/centre";
import { OutboxIndicator } from "@/features/offline/components/outbox-indicator";
import { ClientMessages } from "@/ui/client-messages";

/** The header's sign-out forms: the outbox indicator asks before any of them signs out with unsent changes. */
const SIGN_OUT_FORMS = "form[data-sign-out]";

type HeaderLink = { href: string; label: string; badge?: number };

/**
 * The header's links are plain links, and changing the language and signing out are plain form
 * posts to their /api/v1 endpoints, which answer with a redirect, so they also work before the
 * page's scripts have loaded or when they never do (docs/decisions/009). Its one script is the
 * outbox indicator (decision 034): offline, changes waiting, and a question before signing out
 * with unsent changes.
 *
 * On a phone (below 768 px) the links, the language and signing out fold into «Меню», a
 * `<details>` disclosure that needs no script (decision 045): the header is one line, the name, the
 * outbox indicator and the menu button (with the count of unread notifications), and the page's
 * own heading is on the first screen.
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
  const links: HeaderLink[] = user
    ? [
        { href: "/today", label: t("today") },
        { href: "/lessons", label: t("lessons") },
        { href: "/walkthroughs", label: t("walkthroughs") },
        { href: "/progress", label: t("progress") },
        { href: "/competences", label: t("competences") },
        { href: "/community", label: t("community") },
        { href: "/workshops", label: tw("navLink") },
        { href: "/methodology", label: ta("notes.navLink") },
        ...(can(user, "author:content") ? [{ href: "/authoring", label: ta("pages.navLink") }] : []),
        ...(can(user, "read:caseload") ? [{ href: "/curator", label: t("caseload") }] : []),
        { href: "/notifications", label: t("notifications"), badge: unread },
        { href: "/profile", label: t("profile") },
        ...(can(user, "read:aggregates", { scope: "region", regionId: user.regionId }) ? [{ href: "/reports", label: t("reports") }] : []),
        ...(can(user, "read:admin-area") ? [{ href: "/admin", label: t("admin") }] : []),
      ]
    : [];
  const unreadBadge = (count: number) =>
    count ? (
      <span className="ml-1 rounded-full bg-amber-700 px-2 text-sm font-bold text-white no-underline">
        {count}
        <span className="sr-only"> {t("unread")}</span>
      </span>
    ) : null;
  const accountControls = (layout: "wide" | "phone") => (
    <>
      {/* Without a `next` field the endpoint sends the browser back to the page it was on. */}
      <form method="post" action="/api/v1/locale" className="contents">
        <input type="hidden" name="locale" value={target} />
        <button type="submit" className="btn-secondary min-h-11 px-3 py-1" lang={target} aria-label={`${tl("switchTo")}: ${tl(target)}`}>
          {tl(target)}
        </button>
      </form>
      {user ? (
        <form method="post" action="/api/v1/session/sign-out" className="contents" data-sign-out={layout}>
          <input type="hidden" name="next" value="/sign-in" />
          <button type="submit" className="btn-secondary min-h-11 px-3 py-1">
            {t("signOut")}
          </button>
        </form>
      ) : (
        <a href="/sign-in" className={layout === "phone" ? "btn" : undefined}>
          {t("signIn")}
        </a>
      )}
    </>
  );
  return (
    <header className="relative border-b-4 border-brand-700 bg-white" data-app-header="" data-user-id={user?.id}>
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 md:gap-x-6 md:py-3">
        <a href="/" className="text-xl font-bold text-brand-800 no-underline">
          {t("appName")}
        </a>
        {links.length ? (
          <nav aria-label={t("mainNav")} className="hidden flex-1 flex-wrap items-center gap-x-4 gap-y-2 md:flex">
            {links.map((link) => (
              <a key={link.href} href={link.href}>
                {link.label}
                {unreadBadge(link.badge ?? 0)}
              </a>
            ))}
          </nav>
        ) : (
          <span className="hidden flex-1 md:block" />
        )}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-3 md:ml-0">
          {user ? (
            <ClientMessages namespaces={["deviceOutbox"]}>
              <OutboxIndicator userId={user.id} signOutForms={SIGN_OUT_FORMS} />
            </ClientMessages>
          ) : null}
          <div className="hidden items-center gap-3 md:flex">{accountControls("wide")}</div>
        </div>
        <details className="md:hidden">
          <summary className="menu-button btn-secondary min-h-11 cursor-pointer list-none px-3 py-1">
            <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="shrink-0">
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {t("menu")}
            {unreadBadge(unread)}
          </summary>
          {/* Opens under the header, over the page, as wide as the screen. */}
          <div className="absolute inset-x-0 top-full z-40 border-b-4 border-brand-700 bg-white px-4 pb-2">
            {links.length ? (
              <nav aria-label={t("mainNav")}>
                <ul className="grid grid-cols-1 min-[360px]:grid-cols-2 gap-x-4">
                  {links.map((link) => (
                    <li key={link.href}>
                      <a href={link.href} className="flex min-h-11 items-center py-1">
                        {link.label}
                        {unreadBadge(link.badge ?? 0)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <div className="mt-2 flex flex-wrap items-center gap-3 border-t border-neutral-300 pt-2">{accountControls("phone")}</div>
          </div>
        </details>
      </div>
    </header>
  );
}
