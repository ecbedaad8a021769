import { z } from "zod";

export const ZAssignmentCreate = z.object({
  learnerId: z.string().min(1).max(40),
  kind: z.enum(["lesson", "track", "walkthrough"]),
  targetId: z.string().min(1).max(80),
  /** A Kyiv calendar day ("YYYY-MM-DD"), today or later. */
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.dateFormat" }).optional(),
  message: z.string().trim().max(500, { error: "errors.commentTooLong" }).optional(),
});
export type TAssignmentCreate = z.infer<typeof ZAssignmentCreate>;

export const ZNotificationsRead = z.object({
  /** Ids to mark read; none means all of them. */
  ids: z.array(z.string().min(1).max(40)).max(200).optional(),
});

export const ZPair = z.object({ curatorEmail: z.string().trim().toLowerCase().max(254), menteeEmail: z.string().trim().toLowerCase().max(254) });
export const ZPairsImport = z.object({ csv: z.string().min(1).max(500_000) });

export const ZFeedbackPost = z.object({
  curatorId: z.string().min(1).max(40),
  menteeId: z.string().min(1).max(40),
  body: z.string().max(2000, { error: "errors.messageTooLong" }),
});

export const ZCuratorRequest = z.object({ curatorId: z.string().min(1).max(40), message: z.string().max(500, { error: "errors.commentTooLong" }).optional() });
export const ZRequestDecision = z.object({ accept: z.boolean() });

export const ZDigest = z.object({ digest: z.enum(["off", "daily", "weekly"]) });
export const ZUnsubscribe = z.object({ token: z.string().min(10).max(200) });
