import { z } from "zod";
import { id, singleLine, text } from "@/lib/zod-text";
import { THREAD_KINDS } from "./types";
import { HANDLE_MAX, HANDLE_MIN, HANDLE_PATTERN, normalizeHandle } from "./handles";

/** What a draft is for: a new thread in a space (its slug), a reply in a thread, an edit of a post (their ids). */
export const DRAFT_KINDS = ["thread", "reply", "edit"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const ZDraftParams = z.object({
  kind: z.enum(DRAFT_KINDS, { error: "errors.notFound" }),
  target: id({ max: 80 }),
});

/**
 * The form's fields as typed. Drafts are the author's own unfinished text: no guard runs on them
 * (it runs when the post is published), they are never logged, and they go when the post is published.
 * Limits are the post's own, so a draft can always be published as it is.
 */
export const ZDraftContent = z.object({
  title: text({ trim: false }).max(160, { error: "errors.threadTitleLong" }).optional(),
  threadKind: z.enum(THREAD_KINDS).optional(),
  body: text({ trim: false }).max(20_000, { error: "errors.postTooLong" }).optional(),
  hardCase: z
    .object({
      situation: text({ trim: false }).max(6000, { error: "errors.postTooLong" }),
      tried: text({ trim: false }).max(6000, { error: "errors.postTooLong" }),
      question: text({ trim: false }).max(6000, { error: "errors.postTooLong" }),
    })
    .optional(),
});
export type TDraftContent = z.infer<typeof ZDraftContent>;

export const ZDraftSave = z.object({
  /**
   * Grows with every change on the author's device (its clock in ms, never below the last revision
   * it saw): the server keeps the highest, so a save that arrives late changes nothing.
   */
  revision: z.number({ error: "errors.draftRevision" }).int({ error: "errors.draftRevision" }).min(0).max(Number.MAX_SAFE_INTEGER),
  content: ZDraftContent,
});
export type TDraftSave = z.infer<typeof ZDraftSave>;

export const ZDraftDeleteQuery = z.object({
  upTo: singleLine().max(16).regex(/^\d+$/, { error: "errors.draftRevision" }).optional(),
});

export const ZDraftView = z.object({ revision: z.number(), updatedAt: z.string(), content: ZDraftContent });
export type TDraftView = z.infer<typeof ZDraftView>;

export const ZHandleUpdate = z.object({
  handle: singleLine()
    .overwrite(normalizeHandle)
    .min(HANDLE_MIN, { error: "errors.handleInvalid" })
    .max(HANDLE_MAX, { error: "errors.handleInvalid" })
    .regex(HANDLE_PATTERN, { error: "errors.handleInvalid" }),
});
