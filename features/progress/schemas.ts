import { z } from "zod";
import { id } from "@/lib/zod-text";

export const ZLessonCompletion = z.object({
  /** When the learner finished, by their device's clock (a lesson done offline is sent later). */
  doneAt: z.iso.datetime({ offset: true }).optional(),
  minutes: z.number().int().min(0).max(120).default(0),
  answers: z
    .array(z.object({ itemId: id({ max: 60 }), correct: z.boolean() }))
    .max(50)
    .default([]),
});
export type TLessonCompletion = z.infer<typeof ZLessonCompletion>;

export const ZCompletionResult = z.object({ lessonId: z.string(), completedOn: z.string(), reviewItems: z.number() });

export const ZLessonPosition = z.object({ step: z.number().int().min(0).max(99) });
export const ZLessonPositionResult = z.object({ lessonId: z.string(), step: z.number() });

export const ZReviewAnswer = z.object({
  lessonId: id({ max: 80 }),
  itemId: id({ max: 60 }),
  correct: z.boolean(),
  /** Seconds spent on the item; longer than two minutes counts as two (the screen was left open). */
  seconds: z
    .number()
    .int()
    .min(0)
    .max(3600)
    .transform((s) => Math.min(Math.max(s, 1), 120)),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
});
export type TReviewAnswer = z.infer<typeof ZReviewAnswer>;
export const ZReviewResult = z.object({ lessonId: z.string(), itemId: z.string(), nextDue: z.string() });

/** The daily goal a learner sets for themselves, in minutes. */
export const DAILY_GOAL_CHOICES = [3, 5, 10, 15, 20] as const;
export const ZDailyGoal = z.object({
  minutes: z
    .number()
    .int()
    .refine((m) => (DAILY_GOAL_CHOICES as readonly number[]).includes(m), { error: "errors.dailyGoalChoice" }),
});
export const ZDailyGoalResult = z.object({ minutes: z.number() });
