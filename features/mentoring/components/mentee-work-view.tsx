import { getLocale, getTranslations } from "next-intl/server";
import { contentTitles } from "@/features/content/titles";
import { kyivDay } from "@/lib/kyiv-calendar";
import type { MenteeWork } from "../server/caseload";

/**
 * A mentee's assignments and recent learning — rendered by the same component for the curator,
 * the region's methodologist and the mentee, so the mentee sees exactly what the curator sees.
 */
export async function MenteeWorkView({ work, headingLevel = 2 }: { work: MenteeWork; headingLevel?: 2 | 3 }) {
  const [t, localeRaw] = await Promise.all([getTranslations("mentee"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  // The records name only what the mentee was assigned or took, so titling from all published content reveals nothing.
  const titleOf = await contentTitles("everything", locale);
  const today = kyivDay(new Date());
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", timeZone: "UTC" });
  const day = (d: string) => date.format(new Date(`${d}T12:00:00Z`));
  const H = headingLevel === 2 ? "h2" : "h3";
  const kindLabel = (kind: string) => t(kind === "walkthrough" ? "kinds.walkthrough" : kind === "track" ? "kinds.track" : "kinds.lesson");
  const activityLine = (kind: string, title: string, minutes: number) =>
    t(kind === "walkthrough" ? "activity.walkthrough" : kind === "review" ? "activity.review" : "activity.lesson", { title, minutes });
  return (
    <>
      <section className="card" aria-labelledby="assignments">
        <H id="assignments" className="mb-3 text-xl font-bold">
          {t("assignmentsTitle")}
        </H>
        {work.assignments.length === 0 ? (
          <p>{t("noAssignments")}</p>
        ) : (
          <ul className="grid gap-2">
            {work.assignments.map((a) => {
              const overdue = !a.completedAt && a.dueOn !== null && a.dueOn < today;
              return (
                <li key={a.id} className="border-b border-neutral-200 pb-2">
                  <p className="font-semibold">
                    {kindLabel(a.kind)}: {titleOf(a.kind, a.targetId)}
                  </p>
                  <p className={`text-sm ${overdue ? "font-semibold text-red-800" : ""}`}>
                    {a.completedAt
                      ? t("doneOn", { date: date.format(new Date(a.completedAt)) })
                      : a.dueOn
                        ? overdue
                          ? t("overdue", { date: day(a.dueOn) })
                          : t("due", { date: day(a.dueOn) })
                        : t("noDue")}
                  </p>
                  {a.message ? <p className="text-sm italic">{a.message}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="activity">
        <H id="activity" className="mb-3 text-xl font-bold">
          {t("activityTitle")}
        </H>
        {work.activity.length === 0 ? (
          <p>{t("noActivity")}</p>
        ) : (
          <ul className="grid gap-1">
            {work.activity.map((a, i) => (
              <li key={i}>
                {day(a.day)} — {activityLine(a.kind, titleOf(a.kind === "walkthrough" ? "walkthrough" : "lesson", a.contentId), a.minutes)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
