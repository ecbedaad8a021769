import { getLocale, getTranslations } from "next-intl/server";
import { isStale, type Freshness } from "../server/freshness";

/** "Verified by … on …", or that no methodologist has checked it yet, or that it is due for a check. */
export async function FreshnessLine({ freshness }: { freshness: Freshness }) {
  const [t, locale] = await Promise.all([getTranslations("walkthrough"), getLocale()]);
  if (!freshness) return <p className="mb-4 text-sm font-semibold text-amber-900">{t("notVerified")}</p>;
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${freshness.verifiedOn}T12:00:00Z`),
  );
  return (
    <p className={`mb-4 text-sm ${isStale(freshness) ? "font-semibold text-amber-900" : "text-muted"}`}>
      {t("verified", { date, by: freshness.by })}
      {isStale(freshness) ? ` ${t("staleNote")}` : ""}
    </p>
  );
}
