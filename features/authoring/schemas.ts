import { z } from "zod";
import { id, singleLine } from "@/lib/zod-text";
import { MAX_DOCUMENT_BYTES } from "./safe-mdx";

/**
 * Authoring writes take JSON or a plain HTML form post (the editor works without JavaScript), so
 * the schemas read both: an empty field is "not given", one checkbox is a list of one, a number
 * comes as text. The MDX text itself is checked by checkMdx, not here: here only its size.
 */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const AUTHORED_KINDS = ["lesson", "walkthrough", "note"] as const;
export type AuthoredKind = (typeof AUTHORED_KINDS)[number];
export const NOTE_KINDS = ["RECOMMENDATION", "PROCEDURE", "CASE_STUDY"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The MDX text: any characters (MDX is checked by its parser), at most the checker's limit. */
const mdxText = () =>
  z
    .string({ error: "errors.authoringTextMissing" })
    .transform((t) => t.replace(/\r\n?/g, "\n"))
    .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_DOCUMENT_BYTES, { error: "errors.authoringTextTooLong" });

const revision = () => z.coerce.number({ error: "errors.authoringRevisionMissing" }).int().min(1);

export const ZItemParams = z.object({ id: id({ max: 40 }) });
export const ZVersionParams = z.object({ id: id({ max: 40 }), number: z.coerce.number().int().min(1).max(100_000) });

export const ZItemCreate = z.object({
  kind: z.enum(AUTHORED_KINDS, { error: "errors.authoringKindUnknown" }),
  /** A region (its methodologists; admins any); absent = the methodologist's own region; "national" = the country (admins). */
  scope: z.preprocess(blankToUndefined, z.union([z.literal("national"), id({ max: 40 })]).optional()),
  hromadaIds: z.preprocess(asList, z.array(id({ max: 40 })).max(100)),
  noteKind: z.preprocess(blankToUndefined, z.enum(NOTE_KINDS, { error: "errors.authoringNoteKindUnknown" }).optional()),
  /** A note's title (lessons and guides take theirs from the frontmatter). */
  title: z.preprocess(
    blankToUndefined,
    singleLine().min(3, { error: "errors.authoringTitleShort" }).max(160, { error: "errors.authoringTitleLong" }).optional(),
  ),
  summary: z.preprocess(blankToUndefined, singleLine().max(300, { error: "errors.authoringSummaryLong" }).optional()),
  /** Omitted: a starting text for the kind. */
  text: z.preprocess(blankToUndefined, mdxText().optional()),
});
export type TItemCreate = z.infer<typeof ZItemCreate>;

export const ZDraftSave = z.object({
  revision: revision(),
  text: mdxText(),
  title: z.preprocess(
    blankToUndefined,
    singleLine().min(3, { error: "errors.authoringTitleShort" }).max(160, { error: "errors.authoringTitleLong" }).optional(),
  ),
  summary: z.preprocess(blankToUndefined, singleLine().max(300, { error: "errors.authoringSummaryLong" }).optional()),
  hromadaIds: z.preprocess(asList, z.array(id({ max: 40 })).max(100)),
  /** The form's second button: save, then submit for review. */
  intent: z.preprocess(blankToUndefined, z.enum(["save", "preview", "submit"]).default("save")),
});
export type TDraftSave = z.infer<typeof ZDraftSave>;

export const ZRevision = z.object({ revision: revision() });

export const ZReturn = z.object({
  revision: revision(),
  comment: z.string().trim().min(1, { error: "errors.authoringCommentMissing" }).max(4000, { error: "errors.authoringCommentLong" }),
});

export const ZApprove = z.object({
  revision: revision(),
  /** A Kyiv calendar day to publish on (its start, Kyiv time); absent or today = now. */
  publishOn: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.authoringPublishDateInvalid" })
      .optional(),
  ),
  comment: z.preprocess(blankToUndefined, z.string().trim().max(4000, { error: "errors.authoringCommentLong" }).optional()),
});

export const ZAttachFile = z.object({ fileId: id({ max: 40 }) });

export const ZRollback = z.object({ version: z.coerce.number({ error: "errors.authoringVersionMissing" }).int().min(1) });

export const ZDiffQuery = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});

export const ZRegionTrackWrite = z.object({
  title: singleLine().min(3, { error: "errors.authoringTitleShort" }).max(120, { error: "errors.authoringTitleLong" }),
  description: singleLine().min(10, { error: "errors.regionTrackDescriptionShort" }).max(400, { error: "errors.regionTrackDescriptionLong" }),
  /** Lesson ids in order, as a list or one per line. */
  lessons: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
    z
      .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.regionTrackLessonUnknown" }))
      .min(1, { error: "errors.regionTrackEmpty" })
      .max(30),
  ),
});
export type TRegionTrackWrite = z.infer<typeof ZRegionTrackWrite>;
