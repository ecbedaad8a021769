import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getWalkthroughQueue, queueRegions } from "@/features/walkthroughs/server/reports";
import { ResolveButton, VerifyForm } from "@/features/walkthroughs/components/queue-actions";
import { ClientMessages } from "@/ui/client-messages";
import { loadForPage } from "@/app/_lib/page-access";

export async function generateMetadata() {
  return { title: (await getTranslations("walkthroughQueue"))("title") };
}

/** The region's methodologists: what learners reported, step by step (each linked to its step), then the guides due for a check. */
export default async function WalkthroughQueuePage({ searchParams }: { searchParams: Promise<{ region?: string }> }) {
  const user = await requireUser();
  const [{ region }, t, localeRaw] = await Promise.all([searchParams, getTranslations("walkthroughQueue"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  // getWalkthroughQueue decides who reads which region's queue (403 page otherwise).
  const regionId = region && /^[\w-]{1,40}$/.test(region) ? region : user.regionId;
  const [queue, regions] = await Promise.all([loadForPage(getWalkthroughQueue(user, regionId, locale)), queueRegions(user)]);
  const regionRow = regions.find((r) => r.id === regionId);
  const regionName = regionRow ? (locale === "en" ? regionRow.nameEn : regionRow.nameUk) : "";
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  return (
    <ClientMessages namespaces={["walkthroughQueue"]}>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead", { region: regionName })}</p>
      {regions.length > 1 ? (
        <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="region" className="mb-1 block font-semibold">
              {t("region")}
            </label>
            <select id="region" name="region" defaultValue={regionId} className="input">
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {locale === "en" ? r.nameEn : r.nameUk}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            {t("show")}
          </button>
        </form>
      ) : null}

      {/* What learners ran into first: it is about today's screens; the dated checks follow. */}
      <section className="mb-8" aria-labelledby="reports">
        <h2 id="reports" className="mb-2 text-xl font-bold">
          {t("reportsTitle")}
        </h2>
        {queue.steps.length === 0 ? (
          <p>{t("reportsNone")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead>
                <tr>
                  <th scope="col" className="p-2">
                    {t("step")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("stuckCount")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("differentCount")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("comments")}
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.steps.map((s) => (
                  <tr key={`${s.walkthroughId}/${s.stepId}`} className="border-t border-neutral-300 align-top">
                    <th scope="row" className="p-2 font-normal">
                      <a href={s.href}>{s.stepTitle}</a>
                      <br />
                      <span className="text-sm">{s.title}</span>
                    </th>
                    <td className="p-2 tabular-nums">{s.stuck}</td>
                    <td className="p-2 tabular-nums">{s.looksDifferent}</td>
                    <td className="p-2 text-sm">
                      {s.comments.length ? (
                        <ul className="ml-4 list-disc">
                          {s.comments.map((c) => (
                            <li key={c.at}>
                              {c.text} <span className="text-muted">({date.format(new Date(c.at))})</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="p-2">
                      <ResolveButton
                        walkthroughId={s.walkthroughId}
                        stepId={s.stepId}
                        regionId={regionId}
                        label={t("resolveLabel", { step: s.stepTitle, title: s.title })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="to-check">
        <h2 id="to-check" className="mb-2 text-xl font-bold">
          {t("toCheckTitle", { count: queue.toCheck.length })}
        </h2>
        <p className="mb-3 max-w-prose text-muted">{t("toCheckLead")}</p>
        {queue.toCheck.length === 0 ? <p>{t("toCheckNone")}</p> : null}
        <ul className="grid gap-3 md:grid-cols-2">
          {queue.toCheck.map((g) => (
            <li key={g.id} className="card">
              <h3 className="font-semibold">
                <a href={`/walkthroughs/${g.id}`}>{g.title}</a>
              </h3>
              <p className="text-sm">
                {g.reason === "unverified"
                  ? t("unverified")
                  : t("stale", { date: date.format(new Date(`${g.freshness!.verifiedOn}T12:00:00Z`)), by: g.freshness!.by })}
              </p>
              <VerifyForm walkthroughId={g.id} title={g.title} />
            </li>
          ))}
        </ul>
      </section>
    </ClientMessages>
  );
}
