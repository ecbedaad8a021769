import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getCompetenceOverview } from "@/features/competences/server/get-my-competences";
import { CompetenceOverview } from "@/features/competences/components/competence-overview";
import { ClientMessages } from "@/ui/client-messages";
import { loadForPage } from "@/app/_lib/page-access";

export async function generateMetadata() {
  return { title: (await getTranslations("competences"))("menteeTitle") };
}

/**
 * A mentee's competence profile, for their current curator (anyone else: 404, as for no such person):
 * it speaks about the mentee, leads back to the mentee's page, and lists the ratings waiting for the
 * curator's review first.
 */
export default async function PersonCompetencesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("competences"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  if (!/^[\w-]{1,40}$/.test(id)) notFound();
  const data = await loadForPage(getCompetenceOverview(user, id, locale));
  const isOwn = id === user.id;
  return (
    <ClientMessages namespaces={["competences"]}>
      {isOwn ? null : (
        <p className="mb-2 text-sm">
          <a href={`/curator/mentees/${id}`}>{t("backToMentee", { name: data.ownerName })}</a>
        </p>
      )}
      <h1 className="page-title">{t("personTitle", { name: data.ownerName })}</h1>
      <p className="mb-4 max-w-prose">{t("personLead")}</p>
      <CompetenceOverview data={data} locale={locale} reviewable={!isOwn} about={isOwn ? null : { name: data.ownerName }} />
    </ClientMessages>
  );
}
