import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { mentors } from "@/features/mentoring/server/assign";
import { getMenteeWork, regionOfUser } from "@/features/mentoring/server/caseload";
import { listLessons, listTracks } from "@/features/lessons/server/catalog";
import { listWalkthroughs } from "@/features/walkthroughs/server/catalog";
import { kyivDay } from "@/features/progress/kyiv-calendar";
import { AssignForm } from "@/features/mentoring/components/assign-form";
import { MenteeWorkView } from "@/features/mentoring/components/mentee-work-view";
import { FeedbackThread } from "@/features/mentoring/components/feedback-thread";
import { getFeedbackThread } from "@/features/mentoring/server/feedback";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("mentee"))("title") };
}

/** A mentee's page for their current curator: assignments (give, follow, withdraw) and recent learning. */
export default async function MenteePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ of?: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("mentee"), getLocale()]);
  if (!/^[\w-]{1,40}$/.test(id)) notFound();
  const [mentoring, regionId, { of }] = await Promise.all([mentors(user, id), regionOfUser(id), searchParams]);
  // The current curator works here; a methodologist of the region (or an admin) reads it, without the private thread.
  const asCurator = mentoring && can(user, "read:caseload");
  if (!regionId || (!asCurator && (user.id === id || !can(user, "read:mentee", { learnerId: id, actorMentorsLearner: false, regionId })))) forbidden();
  const locale = localeRaw === "en" ? "en" : "uk";
  const [work, thread] = await Promise.all([getMenteeWork(user, id, mentoring, regionId), asCurator ? getFeedbackThread(user, user.id, id) : Promise.resolve(null)]);
  const lessons = listLessons(locale);
  const guides = listWalkthroughs(locale);
  const tracks = listTracks();
  const today = kyivDay(new Date());
  return (
    <ClientMessages namespaces={["mentee", "feedback"]}>
      <p className="mb-2 text-sm"><a href={asCurator ? "/curator" : `/curator${of ? `?of=${encodeURIComponent(of)}` : ""}`}>{t("back")}</a></p>
      <h1 className="page-title">{work.name}</h1>
      {/* Self-assessments are personal: the current curator opens them; the region reads only aggregates. */}
      {asCurator ? <p className="mb-6"><a href={`/competences/people/${id}`}>{t("profileLink")}</a></p> : <div className="mb-6" />}
      <div className="grid gap-6 lg:grid-cols-2">
        {asCurator ? (
        <section className="card" aria-labelledby="assign">
          <h2 id="assign" className="mb-3 text-xl font-bold">{t("assignTitle")}</h2>
          <AssignForm
            learnerId={id}
            today={today}
            lessons={lessons.map((l) => ({ value: l.id, label: l.title }))}
            walkthroughs={guides.map((g) => ({ value: g.id, label: g.title }))}
            tracks={tracks.map((tr) => ({ value: tr.id, label: tr.title[locale] }))}
          />
        </section>
        ) : (
          <p className="card">{t("readOnly")}</p>
        )}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <MenteeWorkView work={work} />
      </div>
      {thread ? <FeedbackThread thread={thread} /> : null}
    </ClientMessages>
  );
}
