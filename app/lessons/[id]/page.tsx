import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { PublisherLine } from "@/features/content/components/publisher-line";
import { getCurrentUser } from "@/server/auth/current-user";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import { LessonPlayer } from "@/features/lessons/components/lesson-player";
import { initialScreen } from "@/features/lessons/player-position";
import { getLessonState } from "@/features/progress/server/lesson-position";
import { getFramework } from "@/features/competences/server/framework";
import { ClientMessages } from "@/ui/client-messages";
import { DiscussedInCommunity } from "@/features/community/components/discussed-in-community";
import { SaveOffline } from "@/features/offline/components/save-offline";
import { lessonBundle } from "@/features/offline/server/bundles";
import { isLowDataRequest } from "@/features/accounts/server/low-data";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, user] = await Promise.all([params, getLocale(), getCurrentUser()]);
  // The title only where the page itself opens: another region's lesson leaks nothing, not even its name.
  const lesson = user ? await (await loadCatalog(user)).getLesson(id, locale === "en" ? "en" : "uk") : null;
  // A page that answers 404 is titled as one, not with an empty name before " — Сходинки".
  return { title: lesson?.frontmatter.title ?? (await getTranslations("notFound"))("title") };
}

/*
 * The page learners open most, often on a weak connection: it keeps within 150 KB on a cold load,
 * so its links are plain links and it loads no data library (decision 009).
 */

export default async function LessonPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string | string[] }> }) {
  const user = await requireUser();
  const [{ id }, query, t, localeRaw] = await Promise.all([params, searchParams, getTranslations("lessons"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const catalog = await loadCatalog(user);
  const lesson = await catalog.getLesson(id, locale);
  if (!lesson) notFound();
  const fw = getFramework();
  const [state, bundle, lowData] = await Promise.all([getLessonState(user, id), lessonBundle(user, id, locale), isLowDataRequest()]);
  const track = catalog.tracks().find((tr) => tr.lessons.includes(id));
  const nextId = track ? track.lessons[track.lessons.indexOf(id) + 1] : undefined;
  const next = nextId ? catalog.lessons(locale).find((l) => l.id === nextId) : undefined;
  const fm = lesson.frontmatter;
  const steps = lesson.steps.map((s) => s.title);
  return (
    <ClientMessages namespaces={["lesson", "offlineSave"]}>
      <article lang={lesson.locale} className="mx-auto max-w-3xl">
        {track ? (
          <p className="mb-2 text-sm">
            <a href="/lessons">{t("title")}</a> · {track.title[locale]}
          </p>
        ) : null}
        <h1 className="page-title">{fm.title}</h1>
        <p className="mb-2 text-lg">{fm.summary}</p>
        <p className="mb-4 text-sm text-muted">
          {t("minutes", { minutes: fm.minutes })} ·{" "}
          {fm.competences.map((c) => `${c} ${fw.competences.find((x) => x.id === c)?.title[locale] ?? ""}`).join("; ")}
          {locale === "en" && lesson.locale === "uk" ? ` · ${t("ukrainianOnly")}` : ""}
        </p>
        <PublisherLine publisher={catalog.publisherOf("lesson", id)} locale={locale} className="-mt-2 mb-4 text-sm text-muted" />
        {bundle ? <SaveOffline thing={bundle} lowData={lowData} what="lesson" /> : null}
        <LessonPlayer
          lessonId={id}
          steps={steps}
          initialStep={initialScreen(query.step, state, steps.length)}
          completedBefore={state.completed}
          after={
            <nav aria-label={t("nextNav")} className="mt-6 flex flex-wrap gap-3">
              {next ? (
                <a className="btn" href={`/lessons/${next.id}`}>
                  {t("next", { title: next.title })}
                </a>
              ) : null}
              <a className="btn-secondary" href="/today">
                {t("backToToday")}
              </a>
            </nav>
          }
        >
          <LessonBody code={lesson.code} contentId={id} />
        </LessonPlayer>
      </article>
      <DiscussedInCommunity actor={user} kind="lesson" contentId={id} />
    </ClientMessages>
  );
}
