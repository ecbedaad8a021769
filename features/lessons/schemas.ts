import { z } from "zod";

export const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZLessonFrontmatter = z.object({
  id: z.string().regex(LESSON_ID, { error: "lowercase letters, digits and hyphens" }),
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(300),
  minutes: z.number().int().min(1).max(7),
  level: z.number().int().min(1).max(8),
  competences: z.array(z.string()).min(1),
  tags: z.array(z.string().trim().min(1)).default([]),
  prerequisites: z.array(z.string().regex(LESSON_ID)).default([]),
  updated: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]),
});
export type TLessonFrontmatter = z.infer<typeof ZLessonFrontmatter>;

export const ZTrack = z.object({
  id: z.string().regex(LESSON_ID),
  title: z.object({ uk: z.string().min(1), en: z.string().min(1) }),
  description: z.object({ uk: z.string().min(1), en: z.string().min(1) }),
  lessons: z.array(z.string().regex(LESSON_ID)).min(1),
});
export const ZTracks = z.array(ZTrack).min(1);
export type TTrack = z.infer<typeof ZTrack>;

/** The components authors may use (content/README.md documents each). */
export const LESSON_COMPONENTS = [
  "Quiz",
  "Option",
  "TrueFalse",
  "Scenario",
  "Situation",
  "Choice",
  "Steps",
  "Step",
  "Figure",
  "Callout",
  "KeyTerm",
  "Checklist",
  "Item",
] as const;
