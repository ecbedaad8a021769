import { z } from "zod";
import { id, text } from "@/lib/zod-text";

export const ZStepReport = z.object({
  stepId: id({ max: 80 }),
  kind: z.enum(["stuck", "looks-different"]),
  comment: text({ trim: false }).max(500, { error: "errors.commentTooLong" }).optional(),
});
export type TStepReport = z.infer<typeof ZStepReport>;

export const ZVerification = z.object({ note: text({ trim: false }).max(500, { error: "errors.commentTooLong" }).optional() });
export const ZResolution = z.object({ stepId: id({ max: 80 }), regionId: id({ max: 40 }).optional() });
