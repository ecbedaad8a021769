import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listModeratedSpaces } from "@/features/community/server/list-moderated-spaces";
import { LiftForm } from "@/features/community/components/moderation-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("communityModeration"))("overviewTitle") };
}

export const dynamic = "force-dynamic";

/** The spaces the person moderates, with what waits in each queue; admins also see suspensions that hold everywhere. */
export default async function ModerationOverviewPage() {
  const user = await requireUser();
  const [t, localeRaw, { spaces, everywhere }] = await Promise.all([getTranslations("communityModeration"), getLocale(), listModeratedSpaces(user)]);
  const when = new Intl.DateTimeFormat(localeRaw === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  return (
    <>
      <h1 className="page-title">{t("overviewTitle")}</h1>
      <p className="mb-4">{t("overviewIntro")}</p>
      {spaces.length === 0 ? (
        <p>{t("noSpaces")}</p>
      ) : (
        <ul className="grid gap-3">
          {spaces.map((s) => (
            <li key={s.slug} className="card">
              <h2 className="text-lg font-semibold">{s.name}</h2>
              <p className="text-sm">{t("waiting", { count: s.waiting })}</p>
              <p className="flex flex-wrap gap-4">
                <a href={`/community/${s.slug}/moderation`}>{t("openQueue")}</a>
                <a href={`/community/${s.slug}/moderation/log`}>{t("openLog")}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {everywhere ? (
        <section aria-labelledby="everywhere-heading" className="mt-8">
          <h2 id="everywhere-heading" className="mb-2 text-xl font-bold">
            {t("everywhereHeading")}
          </h2>
          {everywhere.length === 0 ? (
            <p>{t("noSuspensions")}</p>
          ) : (
            <ul className="grid gap-3">
              {everywhere.map((s) => (
                <li key={s.id} className="card">
                  <p>{t("suspensionLine", { name: s.userName, date: when.format(new Date(s.endsAt)), reason: s.reason })}</p>
                  <LiftForm suspensionId={s.id} next="/community/moderation" />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
