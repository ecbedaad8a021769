import { getTranslations } from "next-intl/server";

type Props = {
  /** The region shown ("" for the country); the selector appears only when there are choices (admins). */
  region: string;
  choices: { id: string; name: string }[];
  from: string;
  to: string;
};

/** The report's period and (for admins) area: a plain GET form, so it works without JavaScript. */
export async function PeriodForm({ region, choices, from, to }: Props) {
  const t = await getTranslations("activityReport");
  return (
    <form method="get" action="/reports/activity" className="no-print card mb-6" aria-labelledby="activity-filters">
      <h2 id="activity-filters" className="mb-3 text-lg font-bold">
        {t("filtersTitle")}
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        {choices.length ? (
          <div>
            <label htmlFor="activity-region" className="mb-1 block font-semibold">
              {t("regionLabel")}
            </label>
            <select id="activity-region" name="region" defaultValue={region} className="input">
              <option value="">{t("country")}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="activity-from" className="mb-1 block font-semibold">
            {t("from")}
          </label>
          <input id="activity-from" type="date" name="from" defaultValue={from} className="input" aria-describedby="activity-period-hint" />
        </div>
        <div>
          <label htmlFor="activity-to" className="mb-1 block font-semibold">
            {t("to")}
          </label>
          <input id="activity-to" type="date" name="to" defaultValue={to} className="input" aria-describedby="activity-period-hint" />
        </div>
        <button type="submit" className="btn">
          {t("show")}
        </button>
      </div>
      <p id="activity-period-hint" className="mt-2 text-sm text-muted">
        {t("periodHint")}
      </p>
    </form>
  );
}
