import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import type { LessonCard } from "@/features/lessons/server/catalog";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getCompetenceOverview } from "@/features/competences/server/get-my-competences";
import { kyivDay } from "@/lib/kyiv-calendar";
import { computeStreak, type Streak } from "../streak";
import { openAssignments } from "./assignments";
import { countDueReviews } from "./review";

export type TodayPick = {
  id: string;
  /** The lesson's or the walkthrough's page. */
  href: string;
  title: string;
  summary: string;
  minutes: number;
  /** Why this lesson: a curator assigned it, it was left half-way, it teaches a gap, or it is next in a track. */
  reason: "assigned" | "continue" | "gap" | "track";
  /** The curator's name, the competence or the track, by reason. */
  detail: string;
  dueOn?: string | null;
  message?: string | null;
  /** For a lesson left half-way: the screen to resume on (1-based). */
  resumeStep?: number;
};
export type TodayAssignment = {
  id: string;
  contentId: string;
  href: string;
  title: string;
  summary: string;
  minutes: number;
  trackTitle?: string;
  dueOn: string | null;
  overdue: boolean;
  curatorName: string;
  message: string | null;
};
export type Today = {
  pick: TodayPick | null;
  /** All open work from the learner's curators, the soonest due first. */
  assignments: TodayAssignment[];
  minutesToday: number;
  goalMinutes: number;
  streak: Streak;
  reviewsDue: number;
  doneToday: { id: string; title: string }[];
  allDone: boolean;
};

/** Seconds of learning per Kyiv day, for the learner's activity days and minutes. */
export async function activityByDay(userId: string, since?: string): Promise<Map<string, number>> {
  const rows = await getDb().learningActivity.groupBy({
    by: ["day"],
    where: { userId, ...(since ? { day: { gte: since } } : {}) },
    _sum: { seconds: true },
  });
  return new Map(rows.map((r) => [r.day, r._sum.seconds ?? 0]));
}

const card = (l: LessonCard) => ({ id: l.id, href: `/lessons/${l.id}`, title: l.title, summary: l.summary, minutes: l.minutes });

/**
 * The learner's day: one lesson to take (what a curator assigned first, then a lesson left
 * half-way, then one for a competency gap, otherwise the next lesson of their tracks), minutes
 * against the daily goal, due reviews, and the streak in Kyiv calendar days.
 */
export async function getToday(actor: Actor, locale: AppLocale, now = new Date()): Promise<Today> {
  authorize(actor, "read:profile:own");
  const db = getDb();
  const today = kyivDay(now);
  const [catalog, user, progress, days, assigned, reviewsDue, todays] = await Promise.all([
    loadCatalog(actor),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { dailyGoalMinutes: true } }),
    db.lessonProgress.findMany({
      where: { userId: actor.id },
      select: { lessonId: true, completedAt: true, step: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
    }),
    activityByDay(actor.id),
    openAssignments(actor.id),
    countDueReviews(actor, now),
    db.learningActivity.findMany({ where: { userId: actor.id, day: today, kind: "lesson" }, select: { contentId: true }, orderBy: { at: "asc" } }),
  ]);
  const lessons = catalog.lessons(locale);
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const tracks = catalog.tracks();
  const completed = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonId));

  const guides = new Map(catalog.walkthroughs(locale).map((w) => [w.id, w]));
  const assignments: TodayAssignment[] = assigned.flatMap((a) => {
    const base = { id: a.id, dueOn: a.dueOn, overdue: a.dueOn !== null && a.dueOn < today, curatorName: a.curatorName, message: a.message };
    if (a.kind === "walkthrough") {
      const guide = guides.get(a.targetId);
      return guide
        ? [{ ...base, contentId: guide.id, href: `/walkthroughs/${guide.id}`, title: guide.title, summary: guide.summary, minutes: guide.minutes }]
        : [];
    }
    const track = a.kind === "track" ? tracks.find((t) => t.id === a.targetId) : undefined;
    const lessonId = track ? track.lessons.find((id) => !completed.has(id)) : a.targetId;
    const lesson = lessonId ? byId.get(lessonId) : undefined;
    if (!lesson) return [];
    return [
      {
        ...base,
        contentId: lesson.id,
        href: `/lessons/${lesson.id}`,
        title: lesson.title,
        summary: lesson.summary,
        minutes: lesson.minutes,
        trackTitle: track?.title[locale],
      },
    ];
  });

  let pick: TodayPick | null = null;
  const first = assignments[0];
  if (first) {
    pick = {
      id: first.contentId,
      href: first.href,
      title: first.title,
      summary: first.summary,
      minutes: first.minutes,
      reason: "assigned",
      detail: first.curatorName,
      dueOn: first.dueOn,
      message: first.message,
    };
  }
  const halfWay = progress.find((p) => !p.completedAt && p.step > 0 && byId.has(p.lessonId));
  if (!pick && halfWay) {
    pick = { ...card(byId.get(halfWay.lessonId)!), reason: "continue", detail: "", resumeStep: halfWay.step + 1 };
  }
  if (!pick) {
    const overview = await getCompetenceOverview(actor, actor.id, locale);
    for (const gap of overview?.gaps ?? []) {
      const lesson = lessons.find((l) => !completed.has(l.id) && l.competences.includes(gap.competenceId));
      if (lesson) {
        pick = { ...card(lesson), reason: "gap", detail: gap.title };
        break;
      }
    }
  }
  if (!pick) {
    for (const track of tracks) {
      const next = track.lessons.find((id) => !completed.has(id));
      const lesson = next ? byId.get(next) : undefined;
      if (lesson) {
        pick = { ...card(lesson), reason: "track", detail: track.title[locale] };
        break;
      }
    }
  }
  return {
    pick,
    assignments,
    minutesToday: Math.round((days.get(today) ?? 0) / 60),
    goalMinutes: user.dailyGoalMinutes,
    streak: computeStreak(days.keys(), today),
    reviewsDue,
    doneToday: [...new Set(todays.map((a) => a.contentId))].map((id) => ({ id, title: byId.get(id)?.title ?? id })),
    allDone: lessons.length > 0 && lessons.every((l) => completed.has(l.id)),
  };
}
