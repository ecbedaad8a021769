import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { myCurators } from "@/features/mentoring/server/mentorships";
import { getMenteeWork } from "@/features/mentoring/server/caseload";
import { getFeedbackThread, formerCurators } from "@/features/mentoring/server/feedback";
import { FeedbackThread } from "@/features/mentoring/components/feedback-thread";
import { MenteeWorkView } from "@/features/mentoring/components/mentee-work-view";
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
export default async function MyCuratorPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const [t, { before }] = await Promise.all([getTranslations("myCurator"), searchParams]);
  const [curators, former, work, ask] = await Promise.all([myCurators(user), formerCurators(user), getMenteeWork(user, user.id), curatorsToAsk(user)]);
  // A cursor names one message, so it pages back only the thread it belongs to; the others show their newest.
  const cursor = before && /^[\w-]{1,40}$/.test(before) ? before : undefined;
  const threads = await Promise.all(
    [...curators.map((c) => c.curatorId), ...former].map((curatorId) => getFeedbackThread(user, curatorId, user.id, { before: cursor })),
  );
  return (
    <ClientMessages namespaces={["feedback", "myCurator"]}>
      <h1 className="page-title">{t("title")}</h1>
      {curators.length === 0 ? (
        <section className="card mb-6" aria-labelledby="ask">
          <h2 id="ask" className="mb-2 text-xl font-bold">
            {t("askTitle")}
          </h2>
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
          ) : (
            <p>{t("none")}</p>
          )}
        </section>
      ) : (
        <section className="card mb-6" aria-labelledby="who">
          <h2 id="who" className="mb-2 text-xl font-bold">
            {t("who")}
          </h2>
          {curators.map((c) => (
            <p key={c.id}>
              <strong>{c.name}</strong>
              {c.position ? `, ${c.position}` : ""} · <a href={`mailto:${c.email}`}>{c.email}</a>
            </p>
          ))}
          <p className="mt-2 text-sm">
            {t("endHint")} <a href="/profile#my-curator">{t("profileLink")}</a>
          </p>
        </section>
      )}
      <section className="card mb-6" aria-labelledby="sees">
        <h2 id="sees" className="mb-2 text-xl font-bold">
          {t("seesTitle")}
        </h2>
        <p className="mb-3">
          {t("seesLead")} <a href="/competences">{t("competencesLink")}</a>
        </p>
      </section>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <MenteeWorkView work={work} />
      </div>
      {threads.map((thread, i) => (
        <FeedbackThread key={thread.curator.id} thread={thread} path="/my-curator" anchor={i === 0 ? "feedback" : `feedback-${thread.curator.id}`} />
      ))}
    </ClientMessages>
  );
}
