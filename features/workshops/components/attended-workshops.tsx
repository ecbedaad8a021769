import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/policy";
import { listAttendedWorkshops } from "../server/list-workshops";

/** The progress page's section: workshops the person attended, as marked by their organisers. */
export async function AttendedWorkshops({ user, locale }: { user: Actor; locale: "uk" | "en" }) {
  const [t, attended] = await Promise.all([getTranslations("workshops"), listAttendedWorkshops(user)]);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  return (
    <section className="card mt-6" aria-labelledby="attended-workshops">
      <h2 id="attended-workshops" className="mb-2 text-xl font-bold">
        {t("attendedTitle")}
      </h2>
      {attended.length === 0 ? (
        <p>
          {t("attendedEmpty")} <a href="/workshops">{t("seeWorkshops")}</a>
        </p>
      ) : (
        <ul className="grid gap-1">
          {attended.map((w) => (
            <li key={w.id}>
              <a href={`/workshops/${w.id}`}>{w.title}</a> <span className="text-sm text-muted">— {date.format(new Date(w.startsAt))}</span>
              {w.materials ? <span className="text-sm text-muted"> · {t("materialsCount", { count: w.materials })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
