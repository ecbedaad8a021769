import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getCompetenceOverview } from "@/features/competences/server/get-my-competences";
import { listMyMentees } from "@/features/competences/server/list-mentees";
import { CompetenceOverview } from "@/features/competences/components/competence-overview";

export async function generateMetadata() {
  return { title: (await getTranslations("competences"))("title") };
}

export default async function MyCompetencesPage({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const user = await requireUser();
  const [{ submitted }, t, localeRaw] = await Promise.all([searchParams, getTranslations("competences"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const [data, mentees] = await Promise.all([getCompetenceOverview(user, user.id, locale), listMyMentees(user)]);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale === "uk" ? "uk-UA" : "en-GB", { dateStyle: "long", timeZone: "Europe/Kyiv" }).format(new Date(iso));
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      {submitted ? (
        <p role="status" className="notice-ok mb-4">
          {t("submitted")}
        </p>
      ) : null}
      {data?.draft ? (
        <p className="notice-ok mb-4">
          {t("draftWaiting", { date: date(data.draft.updatedAt) })}{" "}
          <Link href={`/competences/assess?form=${data.draft.form === "SHORT" ? "short" : "full"}`}>{t("continueDraft")}</Link>
        </p>
      ) : data?.latest && data.isDue ? (
        <p className="notice-ok mb-4">{t("dueNow", { days: data.everyDays })}</p>
      ) : data?.nextDue ? (
        <p className="mb-4">{t("nextDue", { date: date(data.nextDue) })}</p>
      ) : null}
      <p className="mb-3 max-w-prose">{t("lead")}</p>
      <ul className="mb-6 flex flex-wrap gap-3">
        <li>
          <Link className="btn" href="/competences/assess?form=short">
            {t("startShort")}
          </Link>
        </li>
        <li>
          <Link className="btn-secondary" href="/competences/assess?form=full">
            {t("startFull")}
          </Link>
        </li>
      </ul>
      {data ? <CompetenceOverview data={data} locale={locale} reviewable={false} /> : null}
      {mentees.length ? (
        <section className="card" aria-labelledby="mentees">
          <h2 id="mentees" className="mb-3 text-xl font-bold">
            {t("menteesTitle")}
          </h2>
          <ul className="grid gap-2">
            {mentees.map((m) => (
              <li key={m.id}>
                <Link href={`/competences/people/${m.id}`}>{m.name}</Link> — {m.organization}
                {m.lastAssessedAt ? `, ${t("lastAssessed", { date: date(m.lastAssessedAt) })}` : `, ${t("neverAssessed")}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
