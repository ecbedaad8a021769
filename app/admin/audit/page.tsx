import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { formatDateTime } from "@/server/i18n";
import { getEnv } from "@/server/env";
import { AUDIT_ACTIONS } from "@/server/audit/actions";
import { loadForPage } from "@/app/_lib/page-access";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { AUDIT_NO_REGION, decodeAuditCursor, encodeAuditCursor, readAuditFilters, type AuditFilters } from "@/features/audit/schemas";
import { findAuditEntries } from "@/features/audit/server/find-audit-entries";
import { listAuditRegions } from "@/features/audit/server/list-audit-regions";
import { auditActionLabel, auditActorLabel, auditDetailLabel, auditDetailValue, auditTargetLabel } from "@/features/audit/labels";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

/** The actions grouped by their area ("auth", "user", "moderation" …), in the order actions.ts lists them. */
function actionGroups(): { area: string; actions: string[] }[] {
  const groups: { area: string; actions: string[] }[] = [];
  for (const action of AUDIT_ACTIONS) {
    const area = action.split(".")[0]!;
    const group = groups.find((g) => g.area === area);
    if (group) group.actions.push(action);
    else groups.push({ area, actions: [action] });
  }
  return groups;
}

function filterQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
  return new URLSearchParams(entries).toString();
}

/**
 * The audit trail for admins (decision 050): who did what, when and where, newest first, with
 * filters in a plain GET form (no JavaScript needed), keyset pages, and the same selection as CSV.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const { filters, ignored } = readAuditFilters(params);
  const cursor = decodeAuditCursor(params.after);
  const localeRaw = await getLocale();
  const locale = localeRaw === "en" ? "en" : "uk";
  const [{ rows, next }, regions, t] = await Promise.all([
    loadForPage(findAuditEntries(user, filters, cursor, locale)),
    loadForPage(listAuditRegions(user, locale)),
    getTranslations("audit"),
  ]);
  const query = filterQuery(filters);
  const fieldNames: Record<string, string> = { who: t("who"), action: t("what"), from: t("from"), to: t("to"), region: t("region") };
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/audit" />
      <p className="mb-4 max-w-prose">{t("lead", { days: getEnv().AUDIT_RETENTION_DAYS })}</p>

      <div className="card mb-4 max-w-4xl">
        <h2 id="audit-filters" className="mb-2 text-lg font-semibold">
          {t("filters")}
        </h2>
        <form method="get" action="/admin/audit" role="search" aria-labelledby="audit-filters" className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="audit-who" className="mb-1 block font-semibold">
              {t("who")}
            </label>
            <input
              id="audit-who"
              name="who"
              type="search"
              maxLength={100}
              defaultValue={filters.who ?? ""}
              className="input w-full"
              aria-describedby="audit-who-hint"
            />
            <p id="audit-who-hint" className="mt-1 text-sm">
              {t("whoHint")}
            </p>
          </div>
          <div>
            <label htmlFor="audit-action" className="mb-1 block font-semibold">
              {t("what")}
            </label>
            <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className="input w-full">
              <option value="">{t("anyAction")}</option>
              {actionGroups().map((group) => (
                <optgroup key={group.area} label={t.has(`areas.${group.area}`) ? t(`areas.${group.area}`) : group.area}>
                  {group.actions.map((action) => (
                    <option key={action} value={action}>
                      {auditActionLabel(locale, action)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-from" className="mb-1 block font-semibold">
              {t("from")}
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className="input w-full" />
          </div>
          <div>
            <label htmlFor="audit-to" className="mb-1 block font-semibold">
              {t("to")}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className="input w-full" />
          </div>
          <div>
            <label htmlFor="audit-region" className="mb-1 block font-semibold">
              {t("region")}
            </label>
            <select id="audit-region" name="region" defaultValue={filters.region ?? ""} className="input w-full">
              <option value="">{t("anyRegion")}</option>
              <option value={AUDIT_NO_REGION}>{t("noRegion")}</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <button type="submit" className="btn">
              {t("apply")}
            </button>
            <a href="/admin/audit" className="inline-block py-2">
              {t("reset")}
            </a>
          </div>
        </form>
      </div>

      {ignored.length > 0 ? (
        <p className="mb-4" role="status">
          {t("ignored", { fields: ignored.map((f) => fieldNames[f]).join(", ") })}
        </p>
      ) : null}

      <p className="mb-4 flex flex-wrap items-center gap-3">
        <a className="btn-secondary" href={`/api/v1/audit/export?${filterQuery(filters, { format: "csv" })}`} download>
          {t("exportCsv")}
        </a>
        <span className="text-sm">{t("exportNote")}</span>
      </p>

      {rows.length === 0 ? (
        <p role="status">{cursor ? t("noOlder") : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="audit-caption">
          <table className="table">
            <caption id="audit-caption" className="mb-2 text-left font-semibold">
              {cursor ? t("captionOlder") : t("caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("colTime")}</th>
                <th scope="col">{t("colActor")}</th>
                <th scope="col">{t("colAction")}</th>
                <th scope="col">{t("colTarget")}</th>
                <th scope="col">{t("colRegion")}</th>
                <th scope="col">{t("colDetail")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap">
                    <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time>
                  </td>
                  <td>
                    {row.actor.kind === "person" ? (
                      <>
                        <div className="font-semibold">{row.actor.name}</div>
                        <div className="break-all text-sm">{row.actor.email}</div>
                      </>
                    ) : (
                      <span className="italic">{auditActorLabel(locale, row.actor)}</span>
                    )}
                  </td>
                  <td>
                    <div>{auditActionLabel(locale, row.action)}</div>
                    <code className="text-sm">{row.action}</code>
                  </td>
                  <td className="break-words">{auditTargetLabel(locale, row)}</td>
                  <td>{row.region?.name ?? t("noRegionShort")}</td>
                  <td>
                    {row.detail.length ? (
                      <ul className="text-sm">
                        {row.detail.map((entry) => (
                          <li key={entry.key}>
                            <span className="font-semibold">{auditDetailLabel(locale, entry.key)}:</span> {auditDetailValue(locale, entry)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {cursor || next ? (
        <nav aria-label={t("pagesLabel")} className="my-4">
          <ul className="flex flex-wrap items-center gap-x-6 gap-y-1">
            {cursor ? (
              <li>
                <a href={`/admin/audit${query ? `?${query}` : ""}`} className="inline-block px-1 py-2">
                  {t("newest")}
                </a>
              </li>
            ) : null}
            {next ? (
              <li>
                <a href={`/admin/audit?${filterQuery(filters, { after: encodeAuditCursor(next) })}`} rel="next" className="inline-block px-1 py-2">
                  {t("older")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
