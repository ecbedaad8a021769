import { SecondFactorGate } from "@/features/accounts/components/second-factor-gate";
import { hasRecentSecondFactor } from "@/server/authz/policy";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { translateError } from "@/server/i18n";
import { getActivityReport } from "@/features/activity-report/server/get-activity-report";
import { ZActivityReportQuery, type TActivityReportQuery } from "@/features/activity-report/schemas";
import { PeriodForm } from "@/features/activity-report/components/period-form";
import { ReportsNav } from "@/features/activity-report/components/reports-nav";
import { PrintButton } from "@/ui/print-button";
import { ReportTableSection } from "@/ui/report-table";
import { loadForPage } from "@/app/_lib/page-access";

export async function generateMetadata() {
  return { title: (await getTranslations("activityReport"))("metaTitle") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ActivityReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [params, t, localeRaw] = await Promise.all([searchParams, getTranslations("activityReport"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const raw = { region: first(params.region), from: first(params.from), to: first(params.to) };
  const parsed = ZActivityReportQuery.safeParse(raw);
  // A period that does not parse falls back to the default one, with the reason shown; the area stays.
  const query: TActivityReportQuery = parsed.success ? parsed.data : (ZActivityReportQuery.safeParse({ region: raw.region }).data ?? {});
  const problem = parsed.success ? null : translateError(locale, parsed.error.issues[0]?.message ?? "errors.validation");
  const report = await loadForPage(getActivityReport(user, query, locale));

  const exportParams = new URLSearchParams({ from: report.period.from, to: report.period.to });
  if (query.region !== undefined) exportParams.set("region", report.region?.id ?? "");
  const exportHref = (format: "csv" | "xlsx", table?: string) =>
    `/api/v1/reports/activity/export?${exportParams.toString()}&format=${format}${table ? `&table=${encodeURIComponent(table)}` : ""}`;

  return (
    <div className="report">
      <ReportsNav current="activity" />
      <div className="mb-4">
        <h1 className="page-title">
          {t("title")}: {report.title}
        </h1>
        <p className="mb-1 font-semibold">{t("periodLine", { period: report.periodLabel })}</p>
        <p className="mb-1">{t("learnersLine", { n: report.learners })}</p>
        <p className="text-sm text-muted">{t("generated", { date: report.generatedAt })}</p>
      </div>
      <p className="no-print mb-4 max-w-prose">{t("lead")}</p>
      {problem ? (
        <p role="alert" className="card mb-4 max-w-prose font-semibold text-red-800">
          {t("invalidPeriod", { problem })}
        </p>
      ) : null}
      <PeriodForm region={report.region?.id ?? ""} choices={report.choices} from={report.period.from} to={report.period.to} />
      <div className="no-print mb-6 flex flex-wrap gap-3">
        <SecondFactorGate actor={user}>
          <a className="btn" href={exportHref("xlsx")} download>
            {t("downloadXlsx")}
          </a>
          <a className="btn-secondary" href={exportHref("csv")} download>
            {t("downloadCsv")}
          </a>
        </SecondFactorGate>
        <PrintButton label={t("print")} />
      </div>
      {report.suppressed ? <p className="card mb-6 max-w-prose">{t("tooFew")}</p> : null}
      {report.tables.map((table) => (
        <ReportTableSection
          key={table.id}
          table={table}
          locale={locale}
          emptyText={t("noRows")}
          actions={
            table.header.length && hasRecentSecondFactor(user) ? (
              <>
                <a href={exportHref("csv", table.id)} download>
                  {t("tableCsv", { title: table.title })}
                </a>
                <a href={exportHref("xlsx", table.id)} download>
                  {t("tableXlsx", { title: table.title })}
                </a>
              </>
            ) : undefined
          }
        />
      ))}
    </div>
  );
}
