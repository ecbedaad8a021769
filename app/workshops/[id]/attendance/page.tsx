import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getAttendanceSheet } from "@/features/workshops/server/get-attendance";
import { listContentOptions } from "@/features/workshops/server/content-refs";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { ContentChoices } from "@/features/workshops/components/workshop-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("workshops"))("attendanceTitle") };
}

/**
 * The organiser's sheet: who registered, and after the start who came (native checkboxes in one
 * form: Tab and Space, no JavaScript) and the materials (lessons, guides, https links).
 */
export default async function AttendancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const user = await requireUser();
  const [{ id }, query, t, localeRaw] = await Promise.all([params, searchParams, getTranslations("workshops"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const sheet = await loadForPage(getAttendanceSheet(user, id));
  const here = `/workshops/${sheet.id}/attendance`;
  const content = listContentOptions(await loadCatalog(user), locale);
  const chosen = new Set(sheet.materialKeys);
  const saved = query.saved === "attendance" ? t("attendanceSaved") : query.saved === "materials" ? t("materialsSaved") : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <a href={`/workshops/${sheet.id}`}>{t("backToWorkshop")}</a>
      </p>
      <h1 className="page-title">{t("attendanceHeading", { title: sheet.title })}</h1>
      {saved ? (
        <p role="status" className="notice-ok mb-4">
          {saved}
        </p>
      ) : null}
      <p className="mb-4">
        {t("registeredCount", { count: sheet.people.length })}
        {sheet.waitlisted ? ` · ${t("waitingCount", { count: sheet.waitlisted })}` : ""}
      </p>
      {sheet.cancelled ? <p className="notice-error mb-4">{t("cancelledNotice")}</p> : null}

      <section aria-labelledby="who" className="card mb-6">
        <h2 id="who" className="mb-2 text-xl font-bold">
          {sheet.open ? t("markTitle") : t("registrantsTitle")}
        </h2>
        {!sheet.open && !sheet.cancelled ? <p className="mb-3 text-muted">{t("markLater")}</p> : null}
        {sheet.people.length === 0 ? (
          <p>{t("nobodyYet")}</p>
        ) : sheet.open ? (
          <form method="post" action={`/api/v1/workshops/${sheet.id}/attendance`} className="grid gap-3">
            <input type="hidden" name="next" value={`${here}?saved=attendance`} />
            <fieldset className="grid gap-2">
              <legend className="mb-1">{t("markLegend")}</legend>
              {sheet.people.map((p) => (
                <label key={p.registrationId} className="flex items-start gap-2">
                  <input type="checkbox" name="attended" value={p.registrationId} defaultChecked={p.attended === true} className="mt-1 h-5 w-5 shrink-0" />
                  <span>
                    {p.name} <span className="text-sm text-muted">— {p.organization}</span>
                    {p.attended === false ? <span className="text-sm text-muted"> ({t("markedAbsent")})</span> : null}
                  </span>
                </label>
              ))}
            </fieldset>
            <p>
              <button type="submit" className="btn">
                {t("saveAttendance")}
              </button>
            </p>
          </form>
        ) : (
          <ul className="ml-5 list-disc">
            {sheet.people.map((p) => (
              <li key={p.registrationId}>
                {p.name} <span className="text-sm text-muted">— {p.organization}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {sheet.open ? (
        <section aria-labelledby="materials" className="card">
          <h2 id="materials" className="mb-2 text-xl font-bold">
            {t("materialsTitle")}
          </h2>
          <p className="mb-3 text-muted">{t("materialsLead")}</p>
          <form method="post" action={`/api/v1/workshops/${sheet.id}/materials`} className="grid gap-3">
            <input type="hidden" name="next" value={`${here}?saved=materials`} />
            <details open={chosen.size > 0} className="rounded border border-neutral-300 p-3">
              <summary className="cursor-pointer font-semibold">{t("form.chooseContent", { count: chosen.size })}</summary>
              <ContentChoices legend={t("form.lessons")} name="content" items={content.filter((c) => c.kind === "lesson")} chosen={chosen} />
              <ContentChoices legend={t("form.guides")} name="content" items={content.filter((c) => c.kind === "walkthrough")} chosen={chosen} />
            </details>
            <div className="grid gap-1">
              <label htmlFor="m-links" className="font-semibold">
                {t("linksLabel")}
              </label>
              <p id="m-links-hint" className="text-sm text-muted">
                {t("linksHint")}
              </p>
              <textarea id="m-links" name="links" className="input min-h-24" maxLength={5000} aria-describedby="m-links-hint" defaultValue={sheet.linkLines} />
            </div>
            <p>
              <button type="submit" className="btn">
                {t("saveMaterials")}
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </>
  );
}
