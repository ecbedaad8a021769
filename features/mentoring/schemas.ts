import { z } from "zod";
import { id, linkToken, singleLine, text } from "@/lib/zod-text";

export const ZAssignmentCreate = z.object({
  learnerId: id({ max: 40 }),
  kind: z.enum(["lesson", "track", "walkthrough"]),
  targetId: id({ max: 80 }),
  /** A Kyiv calendar day ("YYYY-MM-DD"), today or later. */
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.dateFormat" })
    .optional(),
  message: text().max(500, { error: "errors.commentTooLong" }).optional(),
});
export type TAssignmentCreate = z.infer<typeof ZAssignmentCreate>;

export const ZNotificationsRead = z.object({
  /** Ids to mark read; none means all of them. */
  ids: z
    .array(id({ max: 40 }))
    .max(200)
    .optional(),
});

export const ZPair = z.object({ curatorEmail: singleLine().toLowerCase().max(254), menteeEmail: singleLine().toLowerCase().max(254) });
export const ZPairsImport = z.object({ csv: text({ trim: false }).min(1).max(500_000) });

export const ZFeedbackPost = z.object({
  curatorId: id({ max: 40 }),
  menteeId: id({ max: 40 }),
  body: text({ trim: false }).max(2000, { error: "errors.messageTooLong" }),
});

/** Marks the other person's messages read up to `upTo` (the newest message shown), or all of them. */
export const ZFeedbackRead = z.object({ upTo: id({ max: 40 }).optional() });
export const ZFeedbackThreadParams = z.object({ curatorId: id({ max: 40 }), menteeId: id({ max: 40 }) });

export const ZCuratorRequest = z.object({ curatorId: id({ max: 40 }), message: text({ trim: false }).max(500, { error: "errors.commentTooLong" }).optional() });
export const ZRequestDecision = z.object({ accept: z.boolean() });

export const ZDigest = z.object({ digest: z.enum(["off", "daily", "weekly"]) });
export const ZUnsubscribe = z.object({ token: linkToken("errors.unsubscribeLink", 10, 200) });
