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
  const titleOf = (kind: string, targetId: string) =>
    (kind === "walkthrough" ? guides.find((g) => g.id === targetId)?.title : kind === "track" ? tracks.find((tr) => tr.id === targetId)?.title[locale] : lessons.find((l) => l.id === targetId)?.title) ?? targetId;
  const today = kyivDay(new Date());
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", timeZone: "UTC" });
  const day = (d: string) => date.format(new Date(`${d}T12:00:00Z`));
  return (
    <ClientMessages namespaces={["mentee", "feedback"]}>
      <p className="mb-2 text-sm"><a href={asCurator ? "/curator" : `/curator${of ? `?of=${encodeURIComponent(of)}` : ""}`}>{t("back")}</a></p>
      <h1 className="page-title">{work.name}</h1>
      <p className="mb-6"><a href={`/competences/people/${id}`}>{t("profileLink")}</a></p>
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
        <section className="card" aria-labelledby="assignments">
          <h2 id="assignments" className="mb-3 text-xl font-bold">{t("assignmentsTitle")}</h2>
          {work.assignments.length === 0 ? <p>{t("noAssignments")}</p> : (
            <ul className="grid gap-2">
              {work.assignments.map((a) => {
                const overdue = !a.completedAt && a.dueOn !== null && a.dueOn < today;
                return (
                  <li key={a.id} className="border-b border-neutral-200 pb-2">
                    <p className="font-semibold">{t(`kinds.${a.kind}`)}: {titleOf(a.kind, a.targetId)}</p>
                    <p className={`text-sm ${overdue ? "font-semibold text-red-800" : ""}`}>
                      {a.completedAt ? t("doneOn", { date: date.format(new Date(a.completedAt)) }) : a.dueOn ? (overdue ? t("overdue", { date: day(a.dueOn) }) : t("due", { date: day(a.dueOn) })) : t("noDue")}
                    </p>
                    {a.message ? <p className="text-sm italic">{a.message}</p> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      <section className="card mt-6" aria-labelledby="activity">
        <h2 id="activity" className="mb-3 text-xl font-bold">{t("activityTitle")}</h2>
        {work.activity.length === 0 ? <p>{t("noActivity")}</p> : (
          <ul className="grid gap-1">
            {work.activity.map((a, i) => (
              <li key={i}>{day(a.day)} — {t(`activity.${a.kind}`, { title: titleOf(a.kind === "walkthrough" ? "walkthrough" : "lesson", a.contentId), minutes: a.minutes })}</li>
            ))}
          </ul>
        )}
      </section>
      {thread ? <FeedbackThread thread={thread} /> : null}
    </ClientMessages>
  );
}
