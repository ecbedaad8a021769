import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getMenteeWork } from "@/features/mentoring/server/caseload";
import type { Publisher } from "@/features/content/server/load-catalog";
import { getAssignOptions } from "@/features/mentoring/server/assign-options";
import { publisherText } from "@/features/content/components/publisher-line";
import type { AppLocale } from "@/server/i18n";
import { kyivDay } from "@/lib/kyiv-calendar";
import { AssignForm } from "@/features/mentoring/components/assign-form";
import { MenteeWorkView } from "@/features/mentoring/components/mentee-work-view";
import { FeedbackThread } from "@/features/mentoring/components/feedback-thread";
import { getFeedbackThread } from "@/features/mentoring/server/feedback";
import { ClientMessages } from "@/ui/client-messages";
import { loadForPage } from "@/app/_lib/page-access";

export async function generateMetadata() {
  return { title: (await getTranslations("mentee"))("title") };
}

const ID = /^[\w-]{1,40}$/;

/**
 * A mentee's page for their current curator: assignments (give, follow, withdraw), recent learning
 * and the private thread. The region's methodologists (and admins) read it without the thread.
 * Who may see what is decided by getMenteeWork from the database; anyone else gets 404.
 */
/** Options of the assign form: an item written in the app says who publishes it, as on its card. */
async function withPublisher(options: { value: string; title: string; publisher: Publisher; done: boolean }[], locale: AppLocale) {
  return Promise.all(
    options.map(async (o) => {
      const by = await publisherText(o.publisher, locale);
      return { value: o.value, label: by ? `${o.title} — ${by}` : o.title, done: o.done };
    }),
  );
}

export default async function MenteePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ of?: string; before?: string }>;
}) {
  const user = await requireUser();
  const [{ id }, { of, before }, t, localeRaw] = await Promise.all([params, searchParams, getTranslations("mentee"), getLocale()]);
  if (!ID.test(id)) notFound();
  const work = await loadForPage(getMenteeWork(user, id));
  // One's own learning has its own page, with the threads.
  if (work.view === "self") redirect("/my-curator");
  const asCurator = work.view === "curator";
  const thread = asCurator ? await loadForPage(getFeedbackThread(user, user.id, id, { before: before && ID.test(before) ? before : undefined })) : null;
  const locale = localeRaw === "en" ? "en" : "uk";
  // The curator offers only what the mentee can open (the mentee's catalog), by title, with what they finished marked.
  const options = asCurator ? await loadForPage(getAssignOptions(user, id, locale)) : null;
  const today = kyivDay(new Date());
  return (
    <ClientMessages namespaces={["mentee", "feedback"]}>
      <p className="mb-2 text-sm">
        <a href={asCurator ? "/curator" : `/curator${of ? `?of=${encodeURIComponent(of)}` : ""}`}>{t("back")}</a>
      </p>
      <h1 className="page-title">{work.name}</h1>
      {/* Self-assessments are personal: the current curator opens them; the region reads only aggregates. */}
      {asCurator ? (
        <p className="mb-6">
          <a href={`/competences/people/${id}`}>{t("profileLink")}</a>
        </p>
      ) : (
        <div className="mb-6" />
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {options ? (
          <section className="card" aria-labelledby="assign">
            <h2 id="assign" className="mb-3 text-xl font-bold">
              {t("assignTitle")}
            </h2>
            <AssignForm
              learnerId={id}
              today={today}
              lessons={await withPublisher(options.lessons, locale)}
              walkthroughs={await withPublisher(options.walkthroughs, locale)}
              tracks={await withPublisher(options.tracks, locale)}
            />
          </section>
        ) : (
          <p className="card">{t("readOnly")}</p>
        )}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <MenteeWorkView work={work} />
      </div>
      {thread ? <FeedbackThread thread={thread} path={`/curator/mentees/${id}`} /> : null}
    </ClientMessages>
  );
}
