import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getModerationQueue } from "@/features/community/server/get-moderation-queue";
import { DecisionForm, LiftForm, SuspendForm } from "@/features/community/components/moderation-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("communityModeration"))("openQueue") };
}

export const dynamic = "force-dynamic";

/**
 * A space's moderation queue for its moderators (403 for others): flagged posts with their flags,
 * posts confirmed "no client data" to review, posts the flags hid; each with the decision form and
 * a form to suspend its author; then the space's active suspensions.
 */
export default async function ModerationQueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const [{ slug }, t, localeRaw] = await Promise.all([params, getTranslations("communityModeration"), getLocale()]);
  const queue = await loadForPage(getModerationQueue(user, slug));
  const when = new Intl.DateTimeFormat(localeRaw === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  const here = `/community/${queue.space.slug}/moderation`;
  return (
    <>
      <p className="mb-2 flex flex-wrap gap-4 text-sm">
        <a href={`/community/${queue.space.slug}`}>{t("backToSpace")}</a>
        <a href="/community/moderation">{t("backToOverview")}</a>
        <a href={`${here}/log`}>{t("openLog")}</a>
      </p>
      <h1 className="page-title">{t("queueTitle", { name: queue.space.name })}</h1>
      {queue.items.length === 0 ? (
        <p role="status">{t("queueEmpty")}</p>
      ) : (
        <ul className="grid gap-4">
          {queue.items.map((item) => (
            <li key={item.postId} id={`queue-${item.postId}`} className="card">
              <article aria-labelledby={`queue-${item.postId}-title`}>
                <h2 id={`queue-${item.postId}-title`} className="text-lg font-semibold">
                  <a href={`/community/t/${item.thread.id}#post-${item.postId}`}>{t("inThread", { title: item.thread.title })}</a>
                </h2>
                <p className="text-sm text-muted">{t("by", { name: item.author.name, date: when.format(new Date(item.createdAt)) })}</p>
                {item.isAutoHidden ? <p className="font-semibold text-amber-900">{t("autoHidden")}</p> : null}
                {item.isHidden && item.hiddenReason ? <p className="font-semibold">{t("hiddenBy", { reason: item.hiddenReason })}</p> : null}
                {item.isConfirmedNoClientData ? <p className="font-semibold text-amber-900">{t("confirmedNoClientData")}</p> : null}
                <div className="lesson-prose my-2 break-words border-l-4 border-l-brand-700 pl-3" dangerouslySetInnerHTML={{ __html: item.html }} />
                {item.flags.length > 0 ? (
                  <>
                    <h3 className="font-semibold">{t("flagsHeading", { count: item.flags.length })}</h3>
                    <ul className="list-disc pl-6 text-sm">
                      {item.flags.map((f, i) => (
                        <li key={i}>
                          {t("flagBy", { name: f.byName, reason: t(`reasons.${f.reason}`) })}
                          {f.note ? ` — ${f.note}` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <DecisionForm postId={item.postId} version={item.version} isHidden={item.isHidden} next={here} canDismiss />
                <SuspendForm formKey={item.postId} userId={item.author.id} space={queue.space.slug} next={here} authorName={item.author.name} />
              </article>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="suspensions-heading" className="mt-8">
        <h2 id="suspensions-heading" className="mb-2 text-xl font-bold">
          {t("suspensionsHeading")}
        </h2>
        {queue.suspensions.length === 0 ? (
          <p>{t("noSuspensions")}</p>
        ) : (
          <ul className="grid gap-3">
            {queue.suspensions.map((s) => (
              <li key={s.id} className="card">
                <p>{t("suspensionLine", { name: s.userName, date: when.format(new Date(s.endsAt)), reason: s.reason })}</p>
                <LiftForm suspensionId={s.id} next={here} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
