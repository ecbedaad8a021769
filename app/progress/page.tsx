import { PendingSync } from "@/features/progress/components/pending-sync";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getMyProgress, type DayStatus } from "@/features/progress/server/get-progress";
import { DAILY_GOAL_CHOICES } from "@/features/progress/schemas";
import { DailyGoalForm } from "@/features/progress/components/daily-goal-form";
import { ClientMessages } from "@/ui/client-messages";
import { AttendedWorkshops } from "@/features/workshops/components/attended-workshops";

export async function generateMetadata() {
  return { title: (await getTranslations("progress"))("title") };
}

const MARK: Record<DayStatus, string> = { active: "✓", grace: "◐", missed: "·", none: "" };
const CELL: Record<DayStatus, string> = {
  active: "bg-brand-700 text-white",
  grace: "bg-amber-200 text-neutral-900",
  missed: "bg-neutral-100 text-neutral-700",
  none: "",
};

export default async function ProgressPage() {
  const user = await requireUser();
  const [t, localeRaw] = await Promise.all([getTranslations("progress"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const p = await getMyProgress(user, locale);
  const tag = locale === "en" ? "en-GB" : "uk-UA";
  const dayName = new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" });
  const dayLong = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const dayMedium = new Intl.DateTimeFormat(tag, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  const dayShort = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" });
  const asDate = (day: string) => new Date(`${day}T12:00:00Z`);
  const weekGoal = p.goalMinutes * 7;
  const maxDay = Math.max(p.goalMinutes, ...p.week.map((d) => d.minutes));
  const totalLessons = p.tracks.reduce((s, tr) => s + tr.total, 0);
  return (
    <ClientMessages namespaces={["progress"]}>
      <PendingSync />
      <h1 className="page-title">{t("title")}</h1>
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="card">
          <dt className="text-sm text-muted">{t("streakNow")}</dt>
          <dd className="text-2xl font-bold">{t("days", { days: p.streak.current })}</dd>
          <dd className="text-sm">{t("streakLongest", { days: p.streak.longest })}</dd>
        </div>
        <div className="card">
          <dt className="text-sm text-muted">{t("thisWeek")}</dt>
          <dd className="text-2xl font-bold">{t("minutes", { minutes: p.minutesThisWeek })}</dd>
          <dd className="text-sm">{t("weekGoal", { goal: weekGoal })}</dd>
        </div>
        <div className="card">
          <dt className="text-sm text-muted">{t("lessonsDone")}</dt>
          <dd className="text-2xl font-bold">{t("ofTotal", { done: p.lessonsDone, total: totalLessons })}</dd>
          <dd className="text-sm">
            <a href="/walkthroughs">{t("walkthroughsDone", { done: p.walkthroughs.done, total: p.walkthroughs.total })}</a>
          </dd>
        </div>
        <div className="card">
          <dt className="text-sm text-muted">{t("reviewsDue")}</dt>
          <dd className="text-2xl font-bold">{p.reviewsDue}</dd>
          <dd className="text-sm">{p.reviewsDue > 0 ? <a href="/review">{t("reviewNow")}</a> : t("reviewNone")}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="week">
          <h2 id="week" className="mb-3 text-xl font-bold">
            {t("weekTitle")}
          </h2>
          <table className="w-full text-left">
            <caption className="sr-only">{t("weekCaption", { goal: p.goalMinutes })}</caption>
            <thead>
              <tr>
                <th scope="col" className="pb-1 text-sm">
                  {t("day")}
                </th>
                <th scope="col" className="pb-1 text-sm">
                  {t("minutesCol")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.week.map((d) => (
                <tr key={d.day}>
                  <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                    <span aria-hidden="true">{dayMedium.format(asDate(d.day))}</span>
                    <span className="sr-only">{dayLong.format(asDate(d.day))}</span>
                  </th>
                  <td className="py-1">
                    <div className="flex items-center gap-2">
                      <div className="h-3 flex-1 rounded bg-neutral-200" aria-hidden="true">
                        <div className={`h-3 rounded bg-brand-700`} style={{ width: `${Math.round((d.minutes / maxDay) * 100)}%` }} />
                      </div>
                      <span className="w-16 text-right tabular-nums">{t("minutes", { minutes: d.minutes })}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="goal">
          <h2 id="goal" className="mb-2 text-xl font-bold">
            {t("goalTitle")}
          </h2>
          <p className="mb-3">{t("goalLead")}</p>
          <DailyGoalForm current={p.goalMinutes} choices={DAILY_GOAL_CHOICES} />
        </section>
      </div>

      <section className="card mt-6" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-xl font-bold">
          {t("historyTitle")}
        </h2>
        <p className="mb-3">{p.history.length === 0 ? t("historyEmpty") : t("historyLead")}</p>
        {p.history.length === 0 ? null : (
          <>
            <p className="mb-3 flex flex-wrap gap-x-5 text-sm" aria-hidden="true">
              {(["active", "grace", "missed"] as const).map((s) => (
                <span key={s} className="inline-flex items-center gap-1">
                  <span className={`inline-flex h-6 w-6 items-center justify-center rounded ${CELL[s]}`}>{MARK[s]}</span> {t(`status.${s}`)}
                </span>
              ))}
            </p>
            <div className="overflow-x-auto">
              <table className="text-center text-sm">
                <caption className="sr-only">{t("historyCaption", { weeks: p.history.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="pr-2 text-left">
                      {t("weekOf")}
                    </th>
                    {p.history[0]!.map((d) => (
                      <th scope="col" key={d.day} className="px-1">
                        {dayName.format(asDate(d.day))}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.history.map((week) => (
                    <tr key={week[0]!.day}>
                      <th scope="row" className="pr-2 text-left font-normal whitespace-nowrap">
                        {dayShort.format(asDate(week[0]!.day))}
                      </th>
                      {week.map((d) => (
                        <td key={d.day} className="p-0.5">
                          {d.status === "none" ? null : (
                            <span className={`inline-flex h-7 w-7 items-center justify-center rounded ${CELL[d.status]}`} title={dayLong.format(asDate(d.day))}>
                              <span aria-hidden="true">{MARK[d.status]}</span>
                              <span className="sr-only">{`${dayLong.format(asDate(d.day))}: ${t(`status.${d.status}`)}${d.minutes ? `, ${t("minutes", { minutes: d.minutes })}` : ""}`}</span>
                            </span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <AttendedWorkshops user={user} locale={locale} />

      <section className="mt-6" aria-labelledby="tracks">
        <h2 id="tracks" className="mb-3 text-xl font-bold">
          {t("tracksTitle")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {p.tracks.map((track) => (
            <section key={track.id} className="card" aria-labelledby={`track-${track.id}`}>
              <h3 id={`track-${track.id}`} className="text-lg font-semibold">
                {track.title}
              </h3>
              <p id={`track-${track.id}-count`} className="mb-1 text-sm">
                {t("trackCount", { done: track.done, total: track.total })}
              </p>
              <progress
                className="lesson-progress mb-3 h-2 w-full"
                max={track.total}
                value={track.done}
                aria-labelledby={`track-${track.id} track-${track.id}-count`}
              />
              <ul>
                {track.lessons.map((l) => (
                  <li key={l.id} className="py-0.5">
                    <span aria-hidden="true" className="inline-block w-5">
                      {l.done ? "✓" : "○"}
                    </span>
                    <a href={`/lessons/${l.id}`}>{l.title}</a>
                    <span className="sr-only">{l.done ? ` — ${t("lessonDone")}` : ` — ${t("lessonNotDone")}`}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </ClientMessages>
  );
}
