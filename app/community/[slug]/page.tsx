import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listThreads } from "@/features/community/server/list-threads";
import { loadForPage } from "@/app/_lib/page-access";
import { getMySuspension } from "@/features/community/server/posting-limits";
import { SpaceLinks } from "@/features/community/components/space-links";

export const dynamic = "force-dynamic";

/** A space's threads, newest activity first (a non-member's private group is a 404, another region's space a 403). */
export default async function SpacePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const user = await requireUser();
  const [{ slug }, query, t, tm, localeRaw] = await Promise.all([
    params,
    searchParams,
    getTranslations("community"),
    getTranslations("communityModeration"),
    getLocale(),
  ]);
  const cursor = typeof query.cursor === "string" && /^\d+_[A-Za-z0-9_-]+$/.test(query.cursor) ? query.cursor : undefined;
  const { space, threads, nextCursor, canModerate } = await loadForPage(listThreads(user, slug, { cursor }));
  const suspension = await getMySuspension(user, space.id);
  const when = new Intl.DateTimeFormat(localeRaw === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/community">{t("backToCommunity")}</a>
      </p>
      <h1 className="page-title">{space.name}</h1>
      {space.description ? <p className="mb-4">{space.description}</p> : null}
      {suspension ? (
        <p role="status" className="mb-4 rounded border border-amber-700 bg-amber-50 p-2">
          {tm(suspension.isEverywhere ? "suspendedEverywhere" : "suspendedNotice", {
            date: when.format(new Date(suspension.endsAt)),
            reason: suspension.reason,
          })}
        </p>
      ) : null}
      <SpaceLinks slug={space.slug} kind={space.kind} />
      <p className="mb-6 flex flex-wrap items-center gap-4">
        {suspension ? null : (
          <a className="btn" href={`/community/${space.slug}/new`}>
            {t("newThread")}
          </a>
        )}
        {canModerate ? (
          <>
            <a href={`/community/${space.slug}/moderation`}>{tm("openQueue")}</a>
            <a href={`/community/${space.slug}/moderation/log`}>{tm("openLog")}</a>
          </>
        ) : null}
      </p>
      <h2 className="mb-2 text-xl font-bold">{t("threads")}</h2>
      {threads.length === 0 ? (
        <p>{t("noThreads")}</p>
      ) : (
        <ul className="grid gap-3">
          {threads.map((th) => (
            <li key={th.id} className={`card ${th.hasUnread ? "border-l-4 border-l-brand-700" : ""}`}>
              <p className="text-sm">
                <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">{t(`kinds.${th.kind}`)}</span>
                {th.isPinned ? <span className="ml-2 font-semibold">{tm("pinned")}</span> : null}
                {th.isAnswered ? <span className="ml-2 font-semibold text-green-800">✓ {t("answered")}</span> : null}
                {th.isLocked ? <span className="ml-2">{t("locked")}</span> : null}
                {th.hasUnread ? <span className="ml-2 font-semibold">{t("unread")}</span> : null}
              </p>
              <a href={`/community/t/${th.id}`} className={`text-lg ${th.hasUnread ? "font-bold" : "font-semibold"}`}>
                {th.title}
              </a>
              <p className="text-sm text-muted">
                {th.authorName ?? t("formerMember")} · {t("replies", { count: th.replyCount })} ·{" "}
                {t("lastActivity", { date: when.format(new Date(th.lastPostAt)) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="mt-4">
          <a href={`/community/${space.slug}?cursor=${encodeURIComponent(nextCursor)}`}>{t("nextPage")}</a>
        </p>
      ) : null}
    </>
  );
}
