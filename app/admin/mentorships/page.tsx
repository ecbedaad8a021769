import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { getRegionPairs } from "@/features/mentoring/server/mentorships";
import { EndButton, PairForm, PairsImportForm } from "@/features/mentoring/components/pair-forms";
import { ClientMessages } from "@/ui/client-messages";
import { loadForPage } from "@/app/_lib/page-access";
import { nameInCase } from "@/server/name-cases";

export async function generateMetadata() {
  return { title: (await getTranslations("pairs"))("title") };
}

const EXAMPLE = `curator,mentee
oksana.tkachuk@example.org,hanna.ivanenko@example.org
oksana.tkachuk@example.org,petro.marchenko@example.org`;

/** A methodologist pairs the region's learners with curators: one by one or from CSV, within each curator's capacity. */
export default async function MentorshipsPage() {
  const user = await requireUser();
  const [t, locale, data] = await Promise.all([getTranslations("pairs"), getLocale(), loadForPage(getRegionPairs(user, user.regionId))]);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  const menteesGen = await Promise.all(data.pairs.map((p) => nameInCase(p.menteeName, "genitive", locale === "en" ? "en" : "uk")));
  return (
    <ClientMessages namespaces={["pairs"]}>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/mentorships" />
      <p className="mb-6 max-w-prose">{t("lead")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="pair-one">
          <h2 id="pair-one" className="mb-3 text-xl font-bold">
            {t("oneTitle")}
          </h2>
          {data.curators.length && data.unpaired.length ? (
            <PairForm
              curators={data.curators.map((c) => ({ email: c.email, label: t("curatorOption", { name: c.name, mentees: c.mentees, capacity: c.capacity }) }))}
              learners={data.unpaired.map((l) => ({ email: l.email, label: `${l.name} — ${l.organization}` }))}
            />
          ) : (
            <p>{data.curators.length ? t("allPaired") : t("noCurators")}</p>
          )}
        </section>
        <section className="card" aria-labelledby="pair-many">
          <h2 id="pair-many" className="mb-2 text-xl font-bold">
            {t("manyTitle")}
          </h2>
          <p className="mb-2">{t("manyLead")}</p>
          <pre className="mb-3 whitespace-pre-wrap break-words rounded-md bg-neutral-100 p-3 text-sm">{EXAMPLE}</pre>
          <PairsImportForm />
        </section>
      </div>
      <section className="mt-6" aria-labelledby="curators">
        <h2 id="curators" className="mb-2 text-xl font-bold">
          {t("curatorsTitle")}
        </h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("curator")}</th>
              <th scope="col">{t("organization")}</th>
              <th scope="col">{t("load")}</th>
            </tr>
          </thead>
          <tbody>
            {data.curators.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="font-normal">
                  <a href={`/curator?of=${c.id}`}>{c.name}</a>
                </th>
                <td>{c.organization}</td>
                <td>{t("loadValue", { mentees: c.mentees, capacity: c.capacity })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="mt-6" aria-labelledby="pairs">
        <h2 id="pairs" className="mb-2 text-xl font-bold">
          {t("pairsTitle", { count: data.pairs.length })}
        </h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("curator")}</th>
              <th scope="col">{t("mentee")}</th>
              <th scope="col">{t("since")}</th>
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.pairs.map((p, i) => (
              <tr key={p.id}>
                <td>{p.curatorName}</td>
                <th scope="row" className="font-normal">
                  {p.menteeName}
                </th>
                <td>{date.format(new Date(p.since))}</td>
                <td>
                  <EndButton mentorshipId={p.id} label={t("end")} confirmLabel={t("endConfirm", { nameGen: menteesGen[i]! })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ClientMessages>
  );
}
