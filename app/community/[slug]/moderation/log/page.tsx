import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { listModerationLog } from "@/features/community/server/list-moderation-log";

export async function generateMetadata() {
  return { title: (await getTranslations("communityModeration"))("openLog") };
}

export const dynamic = "force-dynamic";

/** A space's moderation log for its moderators (403 for others): who did what, when and why, newest first. */
export default async function ModerationLogPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const [{ slug }, t, localeRaw] = await Promise.all([params, getTranslations("communityModeration"), getLocale()]);
  const log = await loadForPage(listModerationLog(user, slug));
  const when = new Intl.DateTimeFormat(localeRaw === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  return (
    <>
      <p className="mb-2 flex flex-wrap gap-4 text-sm">
        <a href={`/community/${log.space.slug}/moderation`}>{t("openQueue")}</a>
        <a href="/community/moderation">{t("backToOverview")}</a>
      </p>
      <h1 className="page-title">{t("logTitle", { name: log.space.name })}</h1>
      {log.entries.length === 0 ? (
        <p>{t("logEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{t("logWhen")}</th>
                <th scope="col">{t("logWho")}</th>
                <th scope="col">{t("logWhat")}</th>
                <th scope="col">{t("logWhy")}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id} className="border-t align-top">
                  <td className="py-1 pr-2">{when.format(new Date(e.createdAt))}</td>
                  <td className="py-1 pr-2">{e.actorName ?? t("system")}</td>
                  <td className="py-1 pr-2">
                    {t(`actions.${e.action}`, { target: e.targetUserName ?? "", from: e.fromSpaceName ?? "", to: e.toSpaceName ?? "" })}
                    {e.thread ? (
                      <>
                        {" "}
                        <a href={`/community/t/${e.thread.id}${e.postId ? `#post-${e.postId}` : ""}`}>«{e.thread.title}»</a>
                      </>
                    ) : null}
                  </td>
                  <td className="py-1">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
