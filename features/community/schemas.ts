import { z } from "zod";
import { id, singleLine, text } from "@/lib/zod-text";
import { THREAD_KINDS } from "./types";
import { FLAG_REASONS, MODERATION_DECISIONS } from "./moderation-types";

/** Posts are limited by the renderer's MAX_POST_CHARS (20,000); the schema refuses longer ones first. */
const MAX_BODY = 20_000;
const postBody = () => text({ trim: false }).max(MAX_BODY, { error: "errors.postTooLong" });
const hardCasePart = () => text().min(1, { error: "errors.hardCasePartEmpty" }).max(6000, { error: "errors.postTooLong" });

export const ZSpaceParams = z.object({
  slug: singleLine()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9-]+$/, { error: "errors.notFound" }),
});
export const ZThreadParams = z.object({ id: id({ max: 40 }) });
export const ZPostParams = z.object({ id: id({ max: 40 }) });
export const ZThreadsQuery = z.object({
  cursor: singleLine()
    .max(80)
    .regex(/^\d+_[A-Za-z0-9_-]+$/, { error: "errors.badCursor" })
    .optional(),
});

export const ZThreadCreate = z
  .object({
    kind: z.enum(THREAD_KINDS),
    title: singleLine().min(3, { error: "errors.threadTitleShort" }).max(160, { error: "errors.threadTitleLong" }),
    body: postBody().optional(),
    hardCase: z.object({ situation: hardCasePart(), tried: hardCasePart(), question: hardCasePart() }).optional(),
    /** The author read the highlighted spans and confirms they are no client's data. */
    confirmNoClientData: z.boolean().optional(),
  })
  .refine((v) => (v.kind === "HARD_CASE" ? v.hardCase !== undefined : v.body !== undefined), { error: "errors.postEmpty", path: ["body"] });
export type TThreadCreate = z.infer<typeof ZThreadCreate>;

export const ZPostWrite = z.object({ body: postBody(), confirmNoClientData: z.boolean().optional() });
export const ZHelpful = z.object({ helpful: z.boolean() });
export const ZFollow = z.object({ state: z.enum(["following", "muted", "none"]) });
export const ZSearchQuery = z.object({
  q: singleLine().min(2, { error: "errors.searchTooShort" }).max(200, { error: "errors.searchTooLong" }),
  space: singleLine()
    .max(80)
    .regex(/^[a-z0-9-]+$/, { error: "errors.notFound" })
    .optional(),
  kind: z.enum(THREAD_KINDS).optional(),
  page: z.coerce
    .number({ error: "errors.badPage" })
    .int({ error: "errors.badPage" })
    .min(1, { error: "errors.badPage" })
    .max(1000, { error: "errors.badPage" })
    .optional(),
});
export const ZThreadLock = z.object({
  locked: z.boolean(),
  reason: text().min(3, { error: "errors.reasonRequired" }).max(500, { error: "errors.commentTooLong" }),
});
export const ZThreadRead = z.object({ upTo: z.iso.datetime().optional() });

const ZSpan = z.object({ field: z.enum(["title", "body"]), start: z.number(), end: z.number(), kind: z.string() });
/** The 422 answer of the client-data guard: `error.code` is "client_data_suspected", `error.spans` what to highlight. */
export const ZClientDataSuspected = z.object({ error: z.object({ code: z.literal("client_data_suspected"), message: z.string(), spans: z.array(ZSpan) }) });
export type TClientDataSpan = z.infer<typeof ZSpan>;

// ---- Moderation (decision 023) ----
const moderationReason = () => text().min(3, { error: "errors.reasonRequired" }).max(500, { error: "errors.commentTooLong" });
export const ZFlagPost = z.object({
  reason: z.enum(FLAG_REASONS, { error: "errors.flagReasonRequired" }),
  note: text().max(500, { error: "errors.commentTooLong" }).optional(),
});
export const ZPostDecision = z.object({
  decision: z.enum(MODERATION_DECISIONS),
  reason: moderationReason(),
  /** The post's moderation version the moderator saw (compare-and-set: a decision taken meanwhile answers 409). */
  version: z.coerce.number().int().min(0).max(1_000_000),
});
export const ZThreadMove = z.object({
  toSpace: singleLine()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9-]+$/, { error: "errors.notFound" }),
  reason: moderationReason(),
});
export const ZThreadPin = z.object({ action: z.enum(["pin", "unpin"]), reason: moderationReason() });
export const ZSuspend = z.object({
  userId: id({ max: 40 }),
  /** The space's slug; omitted: everywhere (admins only). */
  space: singleLine()
    .max(80)
    .regex(/^[a-z0-9-]+$/, { error: "errors.notFound" })
    .optional(),
  days: z.coerce.number().int().min(1).max(365),
  reason: moderationReason(),
});
export const ZSuspensionParams = z.object({ id: id({ max: 40 }) });
export const ZLiftSuspension = z.object({ reason: moderationReason() });
// ---- Region knowledge base and private groups (decision 024) ----

const kbTitle = () => singleLine().min(3, { error: "errors.threadTitleShort" }).max(160, { error: "errors.threadTitleLong" });
const kbSummary = () => text().min(1, { error: "errors.knowledgeSummaryEmpty" }).max(1000, { error: "errors.knowledgeSummaryLong" });
export const ZKnowledgeParams = z.object({ id: id({ max: 40 }) });
/** A methodologist adds a thread's accepted answer; the title defaults to the thread's. */
export const ZKnowledgeCreate = z.object({ title: kbTitle().optional(), summary: kbSummary() });
/** `answerPostId` re-confirms the summary against the thread's current accepted answer (409 if it is no longer that one). */
export const ZKnowledgeUpdate = z.object({ title: kbTitle(), summary: kbSummary(), answerPostId: id({ max: 40 }).optional() });
export const ZKnowledgeMove = z.object({ direction: z.enum(["up", "down"]) });

export const ZGroupCreate = z.object({
  name: singleLine().min(3, { error: "errors.groupNameShort" }).max(80, { error: "errors.groupNameLong" }),
  description: text().max(300, { error: "errors.groupDescriptionLong" }).optional(),
});
export const ZSpaceCreate = z.object({
  name: singleLine().min(3, { error: "errors.spaceNameShort" }).max(80, { error: "errors.spaceNameLong" }),
  description: text().max(500, { error: "errors.spaceDescriptionLong" }).optional(),
});
export const ZGroupInvite = z.object({ userId: id({ max: 40 }) });
export const ZAdmissionParams = z.object({ id: id({ max: 40 }) });
export const ZAdmissionDecision = z.object({ decision: z.enum(["accept", "decline"]) });
export const ZGroupMemberParams = ZSpaceParams.extend({ userId: id({ max: 40 }) });
