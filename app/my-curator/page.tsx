import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { myCurators } from "@/features/mentoring/server/mentorships";
import { getMenteeWork } from "@/features/mentoring/server/caseload";
import { getFeedbackThread, formerCurators } from "@/features/mentoring/server/feedback";
import { FeedbackThread } from "@/features/mentoring/components/feedback-thread";
import { listLessons, listTracks } from "@/features/lessons/server/catalog";
import { listWalkthroughs } from "@/features/walkthroughs/server/catalog";
import { ClientMessages } from "@/ui/client-messages";
import { curatorsToAsk } from "@/features/mentoring/server/requests";
import { RequestCuratorForm } from "@/features/mentoring/components/request-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("myCurator"))("title") };
}

export const dynamic = "force-dynamic";

/**
 * The mentee's side: who the curator is, exactly what the curator sees about their learning, and
 * the private thread (kept, read-only, after a mentorship ends).
 */
export default async function MyCuratorPage() {
  const user = await requireUser();
  const [t, tm, localeRaw] = await Promise.all([getTranslations("myCurator"), getTranslations("mentee"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const [curators, former, work, ask] = await Promise.all([myCurators(user), formerCurators(user), getMenteeWork(user, user.id, false), curatorsToAsk(user)]);
  const threads = await Promise.all([...curators.map((c) => c.curatorId), ...former].map((curatorId) => getFeedbackThread(user, curatorId, user.id)));
  const lessons = listLessons(locale);
  const guides = listWalkthroughs(locale);
  const tracks = listTracks();
  const titleOf = (kind: string, targetId: string) =>
    (kind === "walkthrough" ? guides.find((g) => g.id === targetId)?.title : kind === "track" ? tracks.find((tr) => tr.id === targetId)?.title[locale] : lessons.find((l) => l.id === targetId)?.title) ?? targetId;
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", timeZone: "UTC" });
  return (
    <ClientMessages namespaces={["feedback", "myCurator"]}>
      <h1 className="page-title">{t("title")}</h1>
      {curators.length === 0 ? (
        <section className="card mb-6" aria-labelledby="ask">
          <h2 id="ask" className="mb-2 text-xl font-bold">{t("askTitle")}</h2>
          {ask.pending ? (
            <p>{t("pending", { name: ask.pending.curatorName })}</p>
          ) : ask.curators.length ? (
            <>
              <p className="mb-3">{t("askLead")}</p>
              <RequestCuratorForm
                curators={ask.curators.map((c) => ({
                  id: c.id,
                  full: c.full,
                  label: `${c.name} — ${c.organization}${c.sameHromada ? ` (${t("yourHromada")})` : ""}${c.full ? ` — ${t("full")}` : ""}`,
                }))}
              />
            </>
          ) : <p>{t("none")}</p>}
        </section>
      ) : (
        <section className="card mb-6" aria-labelledby="who">
          <h2 id="who" className="mb-2 text-xl font-bold">{t("who")}</h2>
          {curators.map((c) => (
            <p key={c.id}><strong>{c.name}</strong>{c.position ? `, ${c.position}` : ""} · <a href={`mailto:${c.email}`}>{c.email}</a></p>
          ))}
          <p className="mt-2 text-sm">{t("endHint")} <a href="/profile#my-curator">{t("profileLink")}</a></p>
        </section>
      )}
      <section className="card mb-6" aria-labelledby="sees">
        <h2 id="sees" className="mb-2 text-xl font-bold">{t("seesTitle")}</h2>
        <p className="mb-3">{t("seesLead")} <a href="/competences">{t("competencesLink")}</a></p>
        <h3 className="mb-1 font-semibold">{tm("assignmentsTitle")}</h3>
        {work.assignments.length === 0 ? <p className="mb-3">{tm("noAssignments")}</p> : (
          <ul className="mb-3 ml-5 list-disc">
            {work.assignments.map((a) => (
              <li key={a.id}>{tm(`kinds.${a.kind}` as "kinds.lesson")}: {titleOf(a.kind, a.targetId)} — {a.completedAt ? tm("doneOn", { date: date.format(new Date(a.completedAt)) }) : a.dueOn ? tm("due", { date: date.format(new Date(`${a.dueOn}T12:00:00Z`)) }) : tm("noDue")}</li>
            ))}
          </ul>
        )}
        <h3 className="mb-1 font-semibold">{tm("activityTitle")}</h3>
        {work.activity.length === 0 ? <p>{tm("noActivity")}</p> : (
          <ul className="ml-5 list-disc">
            {work.activity.map((a, i) => (
              <li key={i}>{date.format(new Date(`${a.day}T12:00:00Z`))} — {tm(`activity.${a.kind}` as "activity.lesson", { title: titleOf(a.kind === "walkthrough" ? "walkthrough" : "lesson", a.contentId), minutes: a.minutes })}</li>
            ))}
          </ul>
        )}
      </section>
      {threads.map((thread) => <FeedbackThread key={thread.curator.id} thread={thread} />)}
    </ClientMessages>
  );
}
