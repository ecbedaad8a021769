import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { addDays, kyivDay, mondayOf } from "@/lib/kyiv-calendar";
import { computeStreak, type Streak } from "../streak";
import { activityByDay } from "./get-today";
import { countDueReviews } from "./review";
import { completedLessonIds } from "./lesson-position";
import { completedWalkthroughIds } from "@/features/walkthroughs/server/progress";

/** Weeks of streak history shown at most (a quarter). */
export const HISTORY_WEEKS = 12;

/** "none": before the learner's first day of learning, or still to come. */
export type DayStatus = "active" | "grace" | "missed" | "none";
export type MyProgress = {
  tracks: {
    id: string;
    title: string;
    description: string;
    done: number;
    total: number;
    lessons: { id: string; title: string; minutes: number; done: boolean }[];
  }[];
  lessonsDone: number;
  walkthroughs: { done: number; total: number };
  week: { day: string; minutes: number }[];
  minutesThisWeek: number;
  goalMinutes: number;
  reviewsDue: number;
  streak: Streak;
  /**
   * Rows of Monday…Sunday from the week of the first day of learning (at most HISTORY_WEEKS), the
   * last row being this week; days before the first day of learning are "none". Empty for someone
   * who has not learned yet, so a newcomer sees a sentence, not weeks of empty rows.
   */
  history: { day: string; status: DayStatus; minutes: number }[][];
};

/** The learner's own record: lessons per track, minutes this week, and the streak over the last weeks. */
export async function getMyProgress(actor: Actor, locale: AppLocale, now = new Date()): Promise<MyProgress> {
  authorize(actor, "read:profile:own");
  const db = getDb();
  const today = kyivDay(now);
  const [catalog, user, done, days, reviewsDue, guidesDone] = await Promise.all([
    loadCatalog(actor),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { dailyGoalMinutes: true } }),
    completedLessonIds(actor),
    activityByDay(actor.id),
    countDueReviews(actor, now),
    completedWalkthroughIds(actor),
  ]);
  const guides = catalog.walkthroughs(locale);
  const lessons = new Map(catalog.lessons(locale).map((l) => [l.id, l]));
  const tracks = catalog.tracks().map((track) => {
    const items = track.lessons.flatMap((id) => {
      const l = lessons.get(id);
      return l ? [{ id, title: l.title, minutes: l.minutes, done: done.has(id) }] : [];
    });
    return {
      id: track.id,
      title: track.title[locale],
      description: track.description[locale],
      done: items.filter((i) => i.done).length,
      total: items.length,
      lessons: items,
    };
  });
  const minutes = (day: string) => Math.round((days.get(day) ?? 0) / 60);
  const monday = mondayOf(today);
  const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((day) => ({ day, minutes: day > today ? 0 : minutes(day) }));
  const streak = computeStreak(days.keys(), today);
  const bridged = new Set(streak.bridged);
  const firstDay = [...days.keys()].filter((d) => d <= today).sort()[0];
  const earliestMonday = addDays(monday, -7 * (HISTORY_WEEKS - 1));
  const firstMonday = firstDay && mondayOf(firstDay) > earliestMonday ? mondayOf(firstDay) : earliestMonday;
  let weeks = 0;
  if (firstDay) for (let w = firstMonday; w <= monday; w = addDays(w, 7)) weeks += 1;
  const history = Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const day = addDays(firstMonday, w * 7 + d);
      // Today is not missed while it lasts.
      const status: DayStatus = days.has(day) ? "active" : day >= today || day < firstDay! ? "none" : bridged.has(day) ? "grace" : "missed";
      return { day, status, minutes: minutes(day) };
    }),
  );
  return {
    tracks,
    lessonsDone: [...done].filter((id) => lessons.has(id)).length,
    walkthroughs: { done: guides.filter((g) => guidesDone.has(g.id)).length, total: guides.length },
    week,
    minutesThisWeek: week.reduce((s, d) => s + d.minutes, 0),
    goalMinutes: user.dailyGoalMinutes,
    reviewsDue,
    streak,
    history,
  };
}
