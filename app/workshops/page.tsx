import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listWorkshops } from "@/features/workshops/server/list-workshops";
import { WorkshopList } from "@/features/workshops/components/workshop-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("workshops"))("title") };
}

/** Methodological workshops: the reader's places, what is coming for their audience, and past ones (decision 030). */
export default async function WorkshopsPage({ searchParams }: { searchParams: Promise<{ announced?: string | string[] }> }) {
  const user = await requireUser();
  const [t, localeRaw, query] = await Promise.all([getTranslations("workshops"), getLocale(), searchParams]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const lists = await listWorkshops(user, locale);
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      {query.announced === "1" ? (
        <p role="status" className="notice-ok mb-4">
          {t("announcedNotice")}
        </p>
      ) : null}
      {lists.canAnnounce ? (
        <p className="mb-6">
          <a className="btn" href="/workshops/new">
            {t("announce")}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="mine" className="mb-8">
        <h2 id="mine" className="mb-3 text-xl font-bold">
          {t("mineTitle")}
        </h2>
        <WorkshopList cards={lists.mine} locale={locale} empty={t("mineEmpty")} />
      </section>
      <section aria-labelledby="upcoming" className="mb-8">
        <h2 id="upcoming" className="mb-3 text-xl font-bold">
          {t("upcomingTitle")}
        </h2>
        <WorkshopList cards={lists.upcoming} locale={locale} empty={t("upcomingEmpty")} />
      </section>
      <section aria-labelledby="past">
        <h2 id="past" className="mb-3 text-xl font-bold">
          {t("pastTitle")}
        </h2>
        <WorkshopList cards={lists.past} locale={locale} empty={t("pastEmpty")} />
      </section>
    </>
  );
}
