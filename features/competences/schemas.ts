import { z } from "zod";
import { singleLine, text } from "@/lib/zod-text";
import { DIRECTION_IDS, FREQUENCIES, PURPOSE_IDS, TOOL_IDS } from "./instrument";

export const ZRatedItem = z.enum(["AREA", "COMPETENCE"]);
export const ZRatingInput = z.object({
  itemType: ZRatedItem,
  itemId: singleLine().min(1).max(20),
  level: z.number().int().min(0).max(8),
  note: text().max(500, { error: "errors.noteTooLong" }).optional(),
});
export const ZPurposeId = z.enum(PURPOSE_IDS as [string, ...string[]]);
export const ZToolUse = z.object({ tool: z.enum(TOOL_IDS as [string, ...string[]]), direction: z.enum(DIRECTION_IDS as [string, ...string[]]) });

export const ZDraftSave = z.object({
  form: z.enum(["SHORT", "FULL"]),
  ratings: z.array(ZRatingInput).max(80),
  purposes: z.partialRecord(ZPurposeId, z.enum(FREQUENCIES)).default({}),
  tools: z
    .array(ZToolUse)
    .max(TOOL_IDS.length * DIRECTION_IDS.length)
    .default([]),
});
export type TDraftSave = z.infer<typeof ZDraftSave>;

export const ZDraftDto = z.object({
  id: z.string(),
  form: z.enum(["SHORT", "FULL"]),
  frameworkVersion: z.number(),
  updatedAt: z.string(),
});
export const ZSubmitted = z.object({ id: z.string(), submittedAt: z.string() });

export const ZReviewCreate = z.object({
  itemType: ZRatedItem,
  itemId: singleLine().min(1).max(20),
  confirmed: z.boolean(),
  comment: text().max(1000, { error: "errors.commentTooLong" }).optional(),
});
export type TReviewCreate = z.infer<typeof ZReviewCreate>;
