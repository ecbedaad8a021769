import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { CASELOAD_FLAGS, getCaseload, getCaseloadCurator, type CaseloadFlag, type CaseloadRow } from "@/features/mentoring/server/caseload";
import { flagLines, formatLevelChange } from "@/features/mentoring/caseload-wording";
import { pendingRequests } from "@/features/mentoring/server/requests";
import { DecideButtons } from "@/features/mentoring/components/decide-buttons";
import { ClientMessages } from "@/ui/client-messages";
import { loadForPage } from "@/app/_lib/page-access";

export async function generateMetadata() {
  return { title: (await getTranslations("caseload"))("title") };
}

const SORTS = ["name", "lastActive", "overdue"] as const;
type Sort = (typeof SORTS)[number];

function sortRows(rows: CaseloadRow[], sort: Sort): CaseloadRow[] {
  const copy = [...rows];
  if (sort === "lastActive") return copy.sort((a, b) => (a.lastActive ?? "").localeCompare(b.lastActive ?? ""));
  if (sort === "overdue") return copy.sort((a, b) => b.assignments.overdue - a.assignments.overdue || b.flags.length - a.flags.length);
  return copy;
}

/** The curator's caseload: every current mentee on one screen, with flags to act on. Filters and sorting work without JavaScript. */
export default async function CaseloadPage({ searchParams }: { searchParams: Promise<{ flag?: string; sort?: string; of?: string }> }) {
  const user = await requireUser();
  const [{ flag, sort, of }, t, localeRaw] = await Promise.all([searchParams, getTranslations("caseload"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  // A methodologist (or admin) opens a curator of their region read-only with ?of=<curator id>; getCaseloadCurator decides who may.
  const other = of && of !== user.id ? await loadForPage(getCaseloadCurator(user, of)) : null;
  const activeFlag = CASELOAD_FLAGS.includes(flag as CaseloadFlag) ? (flag as CaseloadFlag) : null;
  const activeSort: Sort = SORTS.includes(sort as Sort) ? (sort as Sort) : "name";
  const [all, requests] = await Promise.all([
    loadForPage(getCaseload(user, { curatorId: other?.id, locale })),
    other ? Promise.resolve([]) : pendingRequests(user),
  ]);
  const rows = sortRows(activeFlag ? all.filter((r) => r.flags.includes(activeFlag)) : all, activeSort);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <ClientMessages namespaces={["caseload"]}>
      <h1 className="page-title">{other ? t("titleOf", { name: other.name }) : t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead", { count: all.length })}</p>
      {requests.length ? (
        <section className="card mb-6" aria-labelledby="requests" id="requests">
          <h2 id="requests" className="mb-2 text-xl font-bold">
            {t("requestsTitle", { count: requests.length })}
          </h2>
          <ul className="grid gap-3">
            {requests.map((r) => (
              <li key={r.id} className="border-b border-neutral-200 pb-3">
                <p className="font-semibold">
                  {r.name}
                  {r.position ? `, ${r.position}` : ""} — {r.organization}
                </p>
                {r.message ? <p className="mb-2 italic">{r.message}</p> : null}
                <DecideButtons requestId={r.id} name={r.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="get" className="card mb-6 flex flex-wrap items-end gap-4">
        {other ? <input type="hidden" name="of" value={other.id} /> : null}
        <div>
          <label htmlFor="flag" className="mb-1 block font-semibold">
            {t("filter")}
          </label>
          <select id="flag" name="flag" defaultValue={activeFlag ?? ""} className="input">
            <option value="">{t("allMentees")}</option>
            {CASELOAD_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`flag.${f}`)} ({all.filter((r) => r.flags.includes(f)).length})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="mb-1 block font-semibold">
            {t("sort")}
          </label>
          <select id="sort" name="sort" defaultValue={activeSort} className="input">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sortBy.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{all.length === 0 ? t("noMentees") : t("noneFlagged")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="text-sm">
                <th scope="col" className="p-2">
                  {t("mentee")}
                </th>
                <th scope="col" className="p-2">
                  {t("lastActive")}
                </th>
                <th scope="col" className="p-2">
                  {t("streak")}
                </th>
                <th scope="col" className="p-2">
                  {t("weekMonth")}
                </th>
                <th scope="col" className="p-2">
                  {t("assignments")}
                </th>
                <th scope="col" className="p-2">
                  {t("assessment")}
                </th>
                <th scope="col" className="p-2">
                  {t("flags")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-neutral-300 align-top">
                  <th scope="row" className="p-2 font-normal">
                    <a href={`/curator/mentees/${r.id}${other ? `?of=${other.id}` : ""}`} className="font-semibold">
                      {r.name}
                    </a>
                    <br />
                    <span className="text-sm text-muted">{r.organization}</span>
                  </th>
                  <td className="p-2">{r.lastActive ? date.format(new Date(`${r.lastActive}T12:00:00Z`)) : t("never")}</td>
                  <td className="p-2 tabular-nums">{r.streak}</td>
                  <td className="p-2 text-sm">
                    {t("counts", { lessons: r.week.lessons, walkthroughs: r.week.walkthroughs })}
                    <br />
                    <span className="text-muted">{t("countsMonth", { lessons: r.month.lessons, walkthroughs: r.month.walkthroughs })}</span>
                  </td>
                  <td className="p-2 text-sm">{t("assignmentCounts", { done: r.assignments.done, due: r.assignments.due, overdue: r.assignments.overdue })}</td>
                  <td className="p-2 text-sm">
                    {r.assessment ? (
                      <>
                        {date.format(new Date(`${r.assessment.submittedOn}T12:00:00Z`))}
                        {r.assessment.change !== null ? (
                          <>
                            <br />
                            {t("change", { change: formatLevelChange(r.assessment.change, locale) })}
                          </>
                        ) : null}
                      </>
                    ) : (
                      t("noAssessment")
                    )}
                  </td>
                  <td className="p-2">
                    {r.flags.length ? (
                      <ul className="text-sm">
                        {flagLines(r, t, locale).map((line, i) => (
                          <li key={i} className="mb-1 rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">
                            {line.text}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-sm text-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ClientMessages>
  );
}
