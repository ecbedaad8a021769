import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog, type Catalog } from "@/features/content/server/load-catalog";
import type { ReviewItemKind } from "@/features/lessons/compile";
import { kyivDay } from "@/lib/kyiv-calendar";
import type { TReviewAnswer } from "../schemas";
import { scheduleAnswer } from "./review-schedule";
import { resolveDoneAt } from "../completion-rules";

/**
 * A review session must fit in two minutes. A quiz item takes about 15–20 seconds to read and
 * answer, so a session offers at most six; the session screen also stops offering more once two
 * minutes have passed.
 */
export const REVIEW_SESSION_ITEMS = 6;
export const REVIEW_SESSION_SECONDS = 120;

export type ReviewItem = { lessonId: string; itemId: string; kind: ReviewItemKind; lessonTitle: string; locale: AppLocale; code: string };

/**
 * Due cards whose item the learner can still open (an item an author removed, or one no longer
 * published for their region or hromada, is never asked).
 */
async function dueCards(actor: Actor, catalog: Catalog, now: Date, take?: number) {
  const cards = await getDb().reviewCard.findMany({
    where: { userId: actor.id, due: { lte: now } },
    orderBy: { due: "asc" },
    select: { lessonId: true, itemId: true },
  });
  const live = cards.filter((c) => catalog.lessonExists(c.lessonId, c.itemId));
  return take === undefined ? live : live.slice(0, take);
}

export async function countDueReviews(actor: Actor, now = new Date()): Promise<number> {
  authorize(actor, "read:profile:own");
  return (await dueCards(actor, await loadCatalog(actor), now)).length;
}

/** The items of one review session, most overdue first, each ready to render on its own. */
export async function getReviewSession(actor: Actor, locale: AppLocale, now = new Date()): Promise<{ due: number; items: ReviewItem[] }> {
  authorize(actor, "read:profile:own");
  const catalog = await loadCatalog(actor);
  const cards = await dueCards(actor, catalog, now);
  const found = await Promise.all(
    cards.slice(0, REVIEW_SESSION_ITEMS).map(async (c) => ({ c, found: await catalog.getLessonItem(c.lessonId, c.itemId, locale) })),
  );
  const items = found.flatMap(({ c, found }) => {
    if (!found) return [];
    return [
      {
        lessonId: c.lessonId,
        itemId: c.itemId,
        kind: found.item.kind,
        lessonTitle: found.lesson.frontmatter.title,
        locale: found.lesson.locale,
        code: found.item.code,
      },
    ];
  });
  return { due: cards.length, items };
}

/** Records a review answer: the item moves along its FSRS schedule and the time counts for the day it was answered (within a week). */
export async function recordReview(actor: Actor, input: TReviewAnswer, now = new Date()) {
  authorize(actor, "update:profile:own");
  // A card of a lesson the learner can no longer open answers like a missing one.
  if (!(await loadCatalog(actor)).lessonExists(input.lessonId, input.itemId)) throw new AppError("not_found", "errors.reviewItemNotFound");
  const answeredAt = resolveDoneAt(input.answeredAt, now);
  const db = getDb();
  const key = { userId_lessonId_itemId: { userId: actor.id, lessonId: input.lessonId, itemId: input.itemId } };
  return db.$transaction(async (tx) => {
    const stored = await tx.reviewCard.findUnique({ where: key });
    if (!stored) throw new AppError("not_found", "errors.reviewItemNotFound");
    const next = scheduleAnswer(stored, input.correct, answeredAt);
    await tx.reviewCard.update({ where: key, data: next });
    await tx.quizAnswer.create({ data: { userId: actor.id, lessonId: input.lessonId, itemId: input.itemId, correct: input.correct, answeredAt } });
    await tx.learningActivity.create({
      data: { userId: actor.id, kind: "review", contentId: input.lessonId, day: kyivDay(answeredAt), seconds: input.seconds, at: answeredAt, receivedAt: now },
    });
    return { lessonId: input.lessonId, itemId: input.itemId, nextDue: next.due.toISOString() };
  });
}
