import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { VerifyForm } from "@/features/walkthroughs/components/queue-actions";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { PublisherLine } from "@/features/content/components/publisher-line";
import { getCurrentUser } from "@/server/auth/current-user";
import { getWalkthroughState } from "@/features/walkthroughs/server/progress";
import { getFreshness } from "@/features/walkthroughs/server/freshness";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import { LessonPlayer } from "@/features/lessons/components/lesson-player";
import { initialScreen } from "@/features/lessons/player-position";
import { Expect, Hotspot, Mistake, Mistakes, TellClient, playerGuideStep } from "@/features/walkthroughs/components/guide";
import { myCurators } from "@/features/mentoring/server/mentorships";
import { FreshnessLine } from "@/features/walkthroughs/components/freshness-line";
import { ClientMessages } from "@/ui/client-messages";
import { DiscussedInCommunity } from "@/features/community/components/discussed-in-community";
import { SaveOffline } from "@/features/offline/components/save-offline";
import { walkthroughBundle } from "@/features/offline/server/bundles";
import { isLowDataRequest } from "@/features/accounts/server/low-data";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, user] = await Promise.all([params, getLocale(), getCurrentUser()]);
  // The title only where the page itself opens: another region's guide leaks nothing, not even its name.
  const guide = user ? await (await loadCatalog(user)).getWalkthrough(id, locale === "en" ? "en" : "uk") : null;
  // A page that answers 404 is titled as one, not with an empty name before " — Сходинки".
  return { title: guide?.frontmatter.title ?? (await getTranslations("notFound"))("title") };
}

/* Links are plain links and the player loads no data library, as on the lesson page (decision 009). */
export default async function WalkthroughPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const user = await requireUser();
  const [{ id }, query, t, localeRaw] = await Promise.all([params, searchParams, getTranslations("walkthrough"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const catalog = await loadCatalog(user);
  const guide = await catalog.getWalkthrough(id, locale);
  if (!guide) notFound();
  const [state, freshness, curators, bundle, lowData] = await Promise.all([
    getWalkthroughState(user, id),
    getFreshness([id], () => guide.frontmatter),
    myCurators(user),
    walkthroughBundle(user, id, locale),
    isLowDataRequest(),
  ]);
  const fm = guide.frontmatter;
  const screens = [t("beforeYouStart"), ...guide.steps.map((s) => s.title), ...(guide.items.length ? [t("practice")] : [])];
  // "Step 3 of 8" counts the guide's own steps; the opening and the practice check are named instead.
  const labels = [
    t("beforeYouStart"),
    ...guide.steps.map((s, i) => t("stepOfGuide", { n: i + 1, total: guide.steps.length, title: s.title })),
    ...(guide.items.length ? [t("practice")] : []),
  ];
  return (
    <ClientMessages namespaces={["lesson", "walkthrough", "offlineSave"]}>
      <article lang={guide.locale} className="mx-auto max-w-4xl">
        <p className="mb-2 text-sm">
          <a href="/walkthroughs">{t("catalog")}</a> · {fm.audience === "client" ? t("forClient") : t("forWorker")}
        </p>
        <h1 className="page-title">{fm.title}</h1>
        <p className="mb-2 text-lg">{fm.summary}</p>
        <p className="mb-1 text-sm text-muted">
          {t("meta", { minutes: fm.minutes, steps: guide.steps.length })} · {t("platform")}{" "}
          <a href={fm.platform.url} rel="noopener noreferrer">
            {fm.platform.name}
          </a>
          {locale === "en" && guide.locale === "uk" ? ` · ${t("ukrainianOnly")}` : ""}
        </p>
        <FreshnessLine freshness={freshness.get(id) ?? null} />
        <PublisherLine publisher={catalog.publisherOf("walkthrough", id)} locale={locale} className="mb-1 text-sm text-muted" />
        <p className="mb-1">
          <a href={`/walkthroughs/${id}/print`}>{t("handout")}</a>
        </p>
        {bundle ? <SaveOffline thing={bundle} lowData={lowData} what="guide" /> : null}
        <LessonPlayer
          kind="walkthrough"
          lessonId={id}
          steps={screens}
          stepLabels={labels}
          initialStep={initialScreen(query.step, state, screens.length)}
          completedBefore={state.completed}
          after={
            <nav aria-label={t("afterNav")} className="mt-6 flex flex-wrap gap-3">
              <a className="btn" href="/walkthroughs">
                {t("toCatalog")}
              </a>
              <a className="btn-secondary" href="/today">
                {t("backToToday")}
              </a>
            </nav>
          }
        >
          <LessonBody
            code={guide.code}
            contentId={id}
            components={{ GuideStep: playerGuideStep(id, curators[0]?.name ?? null), Hotspot, Expect, Mistakes, Mistake, TellClient }}
          />
        </LessonPlayer>
        {can(user, "verify:walkthrough") ? (
          <section className="card mt-8" aria-labelledby="verify">
            <h2 id="verify" className="text-lg font-bold">
              {t("verifyTitle")}
            </h2>
            <p className="mb-1">{t("verifyLead")}</p>
            {/* Only those who verify guides get the queue's messages: a learner's page does not carry them. */}
            <ClientMessages namespaces={["walkthroughQueue"]}>
              <VerifyForm walkthroughId={id} title={fm.title} />
            </ClientMessages>
          </section>
        ) : null}
      </article>
      <DiscussedInCommunity actor={user} kind="guide" contentId={id} />
    </ClientMessages>
  );
}
