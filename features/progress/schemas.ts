import { z } from "zod";

export const ZLessonCompletion = z.object({
  /** When the learner finished, by their device's clock (a lesson done offline is sent later). */
  doneAt: z.iso.datetime({ offset: true }).optional(),
  minutes: z.number().int().min(0).max(120).default(0),
  answers: z.array(z.object({ itemId: z.string().min(1).max(60), correct: z.boolean() })).max(50).default([]),
});
export type TLessonCompletion = z.infer<typeof ZLessonCompletion>;

export const ZCompletionResult = z.object({ lessonId: z.string(), completedOn: z.string(), reviewItems: z.number() });
