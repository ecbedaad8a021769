import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { listLessons, listTracks } from "@/features/lessons/server/catalog";
import { getCompetenceOverview } from "@/features/competences/server/get-my-competences";
import { kyivDay } from "../kyiv-calendar";
import { computeStreak, type Streak } from "../streak";

export type TodayPick = { id: string; title: string; summary: string; minutes: number; reason: "gap" | "track"; detail: string };
export type Today = {
  pick: TodayPick | null;
  minutesToday: number;
  goalMinutes: number;
  streak: Streak;
  doneToday: { id: string; title: string }[];
  allDone: boolean;
};

/**
 * The learner's day: one lesson to take (for a competency gap first, otherwise the next lesson of
 * their track), minutes against the daily goal, and the streak in Kyiv calendar days.
 */
export async function getToday(actor: Actor, locale: AppLocale, now = new Date()): Promise<Today> {
  authorize(actor, "read:profile:own");
  const db = getDb();
  const today = kyivDay(now);
  const [user, progress, answerDays] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { dailyGoalMinutes: true } }),
    db.lessonProgress.findMany({ where: { userId: actor.id }, select: { lessonId: true, completedAt: true, completedOn: true, minutes: true, updatedAt: true } }),
    db.quizAnswer.findMany({ where: { userId: actor.id }, select: { answeredAt: true }, orderBy: { answeredAt: "desc" }, take: 2000 }),
  ]);
  const lessons = listLessons(locale);
  const title = new Map(lessons.map((l) => [l.id, l.title]));
  const completed = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  const activeDays = new Set<string>([
    ...progress.flatMap((p) => (p.completedOn ? [p.completedOn] : [])),
    ...answerDays.map((a) => kyivDay(a.answeredAt)),
  ]);
  // Lessons finished (or finished again) today; the goal counts their length in minutes.
  const doneToday = progress.filter((p) => p.completedAt && (p.completedOn === today || kyivDay(p.updatedAt) === today));
  const minutesToday = doneToday.reduce((sum, p) => sum + (lessons.find((l) => l.id === p.lessonId)?.minutes ?? 0), 0);

  let pick: TodayPick | null = null;
  const overview = await getCompetenceOverview(actor, actor.id, locale);
  for (const gap of overview?.gaps ?? []) {
    const lesson = lessons.find((l) => !completed.has(l.id) && l.competences.includes(gap.competenceId));
    if (lesson) {
      pick = { id: lesson.id, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, reason: "gap", detail: gap.title };
      break;
    }
  }
  if (!pick) {
    for (const track of listTracks()) {
      const next = track.lessons.find((id) => !completed.has(id));
      const lesson = next ? lessons.find((l) => l.id === next) : undefined;
      if (lesson) {
        pick = { id: lesson.id, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, reason: "track", detail: track.title[locale] };
        break;
      }
    }
  }
  return {
    pick,
    minutesToday,
    goalMinutes: user.dailyGoalMinutes,
    streak: computeStreak(activeDays, today),
    doneToday: [...new Set(doneToday.map((p) => p.lessonId))].map((id) => ({ id, title: title.get(id) ?? id })),
    allDone: lessons.length > 0 && lessons.every((l) => completed.has(l.id)),
  };
}
