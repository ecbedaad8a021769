import { z } from "zod";

export const ZStepReport = z.object({
  stepId: z.string().min(1).max(80),
  kind: z.enum(["stuck", "looks-different"]),
  comment: z.string().max(500, { error: "errors.commentTooLong" }).optional(),
});
export type TStepReport = z.infer<typeof ZStepReport>;

export const ZVerification = z.object({ note: z.string().max(500, { error: "errors.commentTooLong" }).optional() });
export const ZResolution = z.object({ stepId: z.string().min(1).max(80), regionId: z.string().min(1).max(40).optional() });
