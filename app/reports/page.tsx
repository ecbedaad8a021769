import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { formatDateTime } from "@/server/i18n";
import { getReport, type Report } from "@/features/competences/server/report";
import { PrintButton } from "@/ui/print-button";
import { ReportTableSection } from "@/ui/report-table";
import { ReportsNav } from "@/features/activity-report/components/reports-nav";
import { loadForPage } from "@/app/_lib/page-access";
import { SecondFactorGate } from "@/features/accounts/components/second-factor-gate";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

type Search = { scope?: string; id?: string };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [{ scope, id }, t, localeRaw] = await Promise.all([searchParams, getTranslations("reports"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  if (scope !== "country" && scope !== "region" && scope !== "hromada") {
    if (user.roles.includes("ADMIN")) redirect("/reports?scope=country");
    if (user.roles.includes("METHODOLOGIST")) redirect(`/reports?scope=region&id=${user.regionId}`);
    forbidden();
  }
  const report: Report = await loadForPage(getReport(user, { scope, id }, locale));
  const query = `scope=${scope}${id ? `&id=${encodeURIComponent(id)}` : ""}`;
  return (
    <div className="report">
      <ReportsNav current="competency" />
      {report.parent ? (
        <p className="no-print mb-2">
          <Link href={report.parent.href}>{t("back", { name: report.parent.name })}</Link>
        </p>
      ) : null}
      <h1 className="page-title">
        {t("title")}: {report.title}
      </h1>
      <p className="mb-2 max-w-prose">{t("lead")}</p>
      <p className="mb-2 font-semibold">{t("respondentsLine", { n: report.respondents, full: report.fullFormRespondents })}</p>
      <p className="mb-4 text-sm text-muted">{t("generated", { date: formatDateTime(new Date(), locale) })}</p>
      <div className="no-print mb-6 flex flex-wrap gap-3">
        <SecondFactorGate actor={user}>
          <a className="btn" href={`/api/v1/reports/export?${query}&format=xlsx`} download>
            {t("downloadXlsx")}
          </a>
          <a className="btn-secondary" href={`/api/v1/reports/export?${query}&format=csv`} download>
            {t("downloadCsv")}
          </a>
        </SecondFactorGate>
        <PrintButton label={t("print")} />
      </div>
      {report.suppressed ? <p className="card mb-6 max-w-prose">{t("tooFew")}</p> : null}
      {report.tables.map((table) => (
        <ReportTableSection key={table.id} table={table} locale={locale} />
      ))}
      {report.children.length ? (
        <section className="card mb-6" aria-labelledby="breakdown">
          <h2 id="breakdown" className="mb-3 text-xl font-bold">
            {scope === "region" ? t("breakdownTitleRegion") : t("breakdownTitleCountry")}
          </h2>
          <ul className="grid gap-1">
            {report.children.map((c) => (
              <li key={c.id}>
                {c.href ? <Link href={c.href}>{c.name}</Link> : c.name} — {c.suppressed || c.n < 5 ? t("breakdownHidden") : t("childRespondents", { n: c.n })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
