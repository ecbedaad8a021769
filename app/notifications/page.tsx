import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listNotifications } from "@/features/notifications/server/centre";
import { getDigest } from "@/features/notifications/server/digests";
import { DigestForm } from "@/features/notifications/components/digest-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export const dynamic = "force-dynamic";

/** The notification centre; "mark all read" is a plain form, so it works without JavaScript. */
export default async function NotificationsPage() {
  const user = await requireUser();
  const [t, localeRaw] = await Promise.all([getTranslations("notifications"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const [items, digest] = await Promise.all([listNotifications(user, locale), getDigest(user)]);
  const unread = items.filter((n) => !n.read).length;
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  return (
    <ClientMessages namespaces={["notifications"]}>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4">{t("unread", { count: unread })}</p>
      {unread > 0 ? (
        <form method="post" action="/api/v1/notifications/read" className="mb-6">
          <input type="hidden" name="next" value="/notifications" />
          <button type="submit" className="btn-secondary">
            {t("markAll")}
          </button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="grid gap-3">
          {items.map((n) => (
            <li key={n.id} className={`card ${n.read ? "" : "border-l-4 border-l-brand-700"}`}>
              <p className={n.read ? "" : "font-semibold"}>
                {!n.read ? <span className="sr-only">{t("new")}: </span> : null}
                <a href={n.href}>{n.text}</a>
              </p>
              <p className="text-sm text-muted">{when.format(new Date(n.createdAt))}</p>
            </li>
          ))}
        </ul>
      )}
      <section className="card mt-8" aria-label={t("digestTitle")}>
        <DigestForm current={digest} />
      </section>
    </ClientMessages>
  );
}
