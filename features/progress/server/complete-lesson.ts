import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { kyivDay } from "@/lib/kyiv-calendar";
import type { TLessonCompletion } from "../schemas";
import { scheduleAnswer } from "./review-schedule";
import { completeAssignments } from "./assignments";
import { assertKnownItems, countedSeconds, resolveDoneAt } from "../completion-rules";

/**
 * Records a finished lesson and its quiz answers; every answered item enters (or moves along) the
 * learner's spaced-review schedule. A lesson done offline counts on the Kyiv day it was done.
 */
export async function completeLesson(actor: Actor, lessonId: string, input: TLessonCompletion, now = new Date()) {
  authorize(actor, "update:profile:own");
  const catalog = await loadCatalog(actor);
  const lesson = await catalog.getLesson(lessonId, "uk");
  if (!lesson) throw new AppError("not_found", "errors.lessonNotFound");
  assertKnownItems(input.answers, new Set(lesson.items.map((i) => i.id)));
  const doneAt = resolveDoneAt(input.doneAt, now);
  const completedOn = kyivDay(doneAt);

  const db = getDb();
  await db.$transaction(async (tx) => {
    const existing = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId: actor.id, lessonId } } });
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: actor.id, lessonId } },
      create: { userId: actor.id, lessonId, completedAt: doneAt, completedOn, minutes: input.minutes },
      update: {
        // The first completion stays the record; a repeat adds time spent.
        completedAt: existing?.completedAt ?? doneAt,
        completedOn: existing?.completedOn ?? completedOn,
        minutes: (existing?.minutes ?? 0) + input.minutes,
      },
    });
    // Time spent counts towards the day; a page left open overnight counts as twice the lesson's length.
    const seconds = countedSeconds(input.minutes, lesson.frontmatter.minutes);
    await tx.learningActivity.create({
      data: { userId: actor.id, kind: "lesson", contentId: lessonId, day: completedOn, seconds, at: doneAt, receivedAt: now },
    });
    await completeAssignments(tx, actor.id, "lesson", lessonId, doneAt, catalog.tracks());
    if (input.answers.length) {
      await tx.quizAnswer.createMany({
        data: input.answers.map((a) => ({ userId: actor.id, lessonId, itemId: a.itemId, correct: a.correct, answeredAt: doneAt })),
      });
    }
    for (const answer of input.answers) {
      const key = { userId_lessonId_itemId: { userId: actor.id, lessonId, itemId: answer.itemId } };
      const stored = await tx.reviewCard.findUnique({ where: key });
      const next = scheduleAnswer(stored, answer.correct, doneAt);
      await tx.reviewCard.upsert({ where: key, create: { userId: actor.id, lessonId, itemId: answer.itemId, ...next }, update: next });
    }
  });
  return { lessonId, completedOn, reviewItems: input.answers.length };
}
