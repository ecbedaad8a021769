import { PendingSync } from "@/features/progress/components/pending-sync";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getToday, type TodayPick } from "@/features/progress/server/get-today";
import { NextWorkshopCard } from "@/features/workshops/components/today-card";
import { ClientMessages } from "@/ui/client-messages";
import { SaveOffline } from "@/features/offline/components/save-offline";
import { weekPlanBundle } from "@/features/offline/server/bundles";
import { isLowDataRequest } from "@/features/accounts/server/low-data";

export async function generateMetadata() {
  return { title: (await getTranslations("today"))("title") };
}

export default async function TodayPage() {
  const user = await requireUser();
  const [t, ts, localeRaw, lowData] = await Promise.all([getTranslations("today"), getTranslations("offlineSave"), getLocale(), isLowDataRequest()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const today = await getToday(user, locale);
  const week = await weekPlanBundle(user, today, locale, ts("weekTitle"));
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", timeZone: "UTC" });
  const date = (day: string) => dateFormat.format(new Date(`${day}T12:00:00Z`));
  const reasonLine = (pick: TodayPick) => {
    switch (pick.reason) {
      case "assigned":
        return pick.dueOn ? t("becauseAssignedDue", { curator: pick.detail, date: date(pick.dueOn) }) : t("becauseAssigned", { curator: pick.detail });
      case "continue":
        return t("becauseContinue");
      case "gap":
        return t("becauseGap", { competence: pick.detail });
      case "track":
        return t("becauseTrack", { track: pick.detail });
    }
  };
  const goalPercent = Math.min(100, Math.round((today.minutesToday / Math.max(1, today.goalMinutes)) * 100));
  return (
    <>
      <PendingSync />
      <h1 className="page-title">{t("title")}</h1>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="card" aria-labelledby="pick">
          <h2 id="pick" className="mb-2 text-xl font-bold">
            {t("lessonOfTheDay")}
          </h2>
          {today.pick ? (
            <>
              <p className="mb-1 text-sm text-muted">{reasonLine(today.pick)}</p>
              <p className="mb-1 text-lg font-semibold">{today.pick.title}</p>
              {today.pick.message ? <blockquote className="mb-2 border-l-4 border-brand-700 pl-3 italic">{today.pick.message}</blockquote> : null}
              <p className="mb-3">{today.pick.summary}</p>
              <a className="btn" href={today.pick.href}>
                {today.pick.resumeStep ? t("resume", { step: today.pick.resumeStep }) : t("start", { minutes: today.pick.minutes })}
              </a>
            </>
          ) : (
            <p>{today.allDone ? t("allDone") : t("nothing")}</p>
          )}
          {today.assignments.length > 1 ? (
            <>
              <h3 className="mt-5 mb-1 font-semibold">{t("assignedTitle")}</h3>
              <ul className="ml-5 list-disc">
                {today.assignments.map((a) => (
                  <li key={a.id}>
                    <a href={a.href}>{a.trackTitle ? `${a.trackTitle}: ${a.title}` : a.title}</a>
                    {a.dueOn ? (
                      <span className={a.overdue ? "font-semibold text-red-800" : "text-muted"}>
                        {" "}
                        — {a.overdue ? t("overdue", { date: date(a.dueOn) }) : t("dueOn", { date: date(a.dueOn) })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {today.doneToday.length ? (
            <>
              <h3 className="mt-5 mb-1 font-semibold">{t("doneToday")}</h3>
              <ul className="ml-5 list-disc">
                {today.doneToday.map((l) => (
                  <li key={l.id}>
                    <a href={`/lessons/${l.id}`}>{l.title}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ClientMessages namespaces={["offlineSave"]}>
            <SaveOffline thing={week} lowData={lowData} what="week" />
          </ClientMessages>
        </section>
        <div className="grid content-start gap-6">
          <NextWorkshopCard user={user} locale={locale} />
          <section className="card" aria-labelledby="goal">
            <h2 id="goal" className="mb-2 text-xl font-bold">
              {t("goalTitle")}
            </h2>
            <p className="mb-2">{t("goalLine", { done: today.minutesToday, goal: today.goalMinutes })}</p>
            <div className="h-3 rounded bg-neutral-200" aria-hidden="true">
              <div className="h-3 rounded bg-brand-700" style={{ width: `${goalPercent}%` }} />
            </div>
            <p className="mt-2 text-sm">
              <a href="/progress#goal">{t("goalChange")}</a>
            </p>
          </section>
          <section className="card" aria-labelledby="review">
            <h2 id="review" className="mb-2 text-xl font-bold">
              {t("reviewTitle")}
            </h2>
            {today.reviewsDue > 0 ? (
              <>
                <p className="mb-3">{t("reviewDue", { count: today.reviewsDue })}</p>
                <a className="btn-secondary" href="/review">
                  {t("reviewStart")}
                </a>
              </>
            ) : (
              <p>{t("reviewNone")}</p>
            )}
          </section>
          <section className="card" aria-labelledby="streak">
            <h2 id="streak" className="mb-2 text-xl font-bold">
              {t("streakTitle")}
            </h2>
            <p className="text-lg font-semibold">{t("streakDays", { days: today.streak.current })}</p>
            <p className="text-sm">{today.streak.activeToday ? t("streakToday") : t("streakKeep")}</p>
            {today.streak.graceDays.length ? <p className="mt-1 text-sm text-muted">{t("graceUsed", { count: today.streak.graceDays.length })}</p> : null}
            <p className="mt-1 text-sm text-muted">{t("streakLongest", { days: today.streak.longest })}</p>
            <p className="mt-2 text-sm">
              <a href="/progress">{t("progressLink")}</a>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
