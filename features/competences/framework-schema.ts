import { z } from "zod";

/**
 * The competency framework is data (content/competences/<framework>/v<N>/), validated by this
 * schema and by the cross-checks in check-framework.ts. A published version is never edited:
 * a change is a new version directory, and every assessment records the version it used.
 */
export const ZText = z.object({ uk: z.string().trim().min(1), en: z.string().trim().min(1) });
export type TText = z.infer<typeof ZText>;

export const LEVEL_GROUPS = ["foundation", "intermediate", "advanced", "highly-specialised"] as const;
/** The behavioural statements anchor levels 2, 4, 6 and 8; "partly" on one of them gives the level below. */
export const ANCHOR_LEVELS = ["2", "4", "6", "8"] as const;

export const ZStatements = z.object({ "2": ZText, "4": ZText, "6": ZText, "8": ZText }).strict();

export const ZLevel = z.object({
  level: z.number().int().min(1).max(8),
  group: z.enum(LEVEL_GROUPS),
  title: ZText,
  descriptor: ZText,
});

export const ZArea = z.object({
  id: z.string().regex(/^[A-Z0-9]+$/),
  component: z.enum(["basic", "professional"]),
  title: ZText,
  description: ZText,
  /** Area-level statements for the short form (one question per area). */
  statements: ZStatements,
});

export const ZCompetence = z.object({
  id: z.string().regex(/^[A-Z0-9]+\.\d+$/),
  area: z.string(),
  component: z.enum(["basic", "professional"]),
  title: ZText,
  descriptor: ZText,
  statements: ZStatements,
  /**
   * Lessons and walkthroughs named for this competence ("lesson:<id>", "walkthrough:<id>"): empty in the
   * published versions, which are never edited. What teaches a competence comes from the content's
   * frontmatter instead (teaching-map.ts).
   */
  resources: z.array(z.string().regex(/^(lesson|walkthrough):[a-z0-9-]+$/)).default([]),
});

export const ZProfile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: ZText,
  description: ZText,
  /** Target level per competence id. */
  targets: z.record(z.string(), z.number().int().min(1).max(8)),
});

export const ZFrameworkMeta = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: ZText,
  description: ZText,
  basedOn: z.string(),
  levels: z.array(ZLevel).length(8),
  groups: z.array(z.object({ id: z.enum(LEVEL_GROUPS), title: ZText, levels: z.tuple([z.number(), z.number()]) })).length(4),
  areas: z.array(ZArea).min(1),
  profiles: z.array(ZProfile).min(1),
});

export const ZCompetenceFile = z.object({ competences: z.array(ZCompetence).min(1) });

export type TFrameworkMeta = z.infer<typeof ZFrameworkMeta>;
export type TArea = z.infer<typeof ZArea>;
export type TCompetence = z.infer<typeof ZCompetence>;
export type TProfile = z.infer<typeof ZProfile>;
export type TFramework = TFrameworkMeta & { competences: TCompetence[] };
