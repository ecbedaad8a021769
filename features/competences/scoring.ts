import type { TFramework } from "./framework-schema";

/**
 * Pure rules of the instrument and the profile, shared by the API, the pages and the aggregates.
 * Levels: 0 = "not yet", 1–8 DigComp proficiency levels.
 */
export type Rating = { itemType: "AREA" | "COMPETENCE"; itemId: string; level: number };
export type AssessmentAnswers = { form: "SHORT" | "FULL"; ratings: Rating[] };

/** A chosen anchor statement (2, 4, 6, 8) answered "partly" means the level below it. */
export function levelFromAnswer(anchor: 0 | 2 | 4 | 6 | 8, partly: boolean): number {
  if (anchor === 0) return 0;
  return partly ? anchor - 1 : anchor;
}

export function answerFromLevel(level: number): { anchor: 0 | 2 | 4 | 6 | 8; partly: boolean } {
  if (level <= 0) return { anchor: 0, partly: false };
  const anchor = (Math.ceil(level / 2) * 2) as 2 | 4 | 6 | 8;
  return { anchor, partly: level % 2 === 1 };
}

/** The items a form must rate before it can be submitted. */
export function requiredItems(fw: TFramework, form: "SHORT" | "FULL"): { itemType: "AREA" | "COMPETENCE"; itemId: string }[] {
  return form === "SHORT"
    ? fw.areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id }))
    : fw.competences.map((c) => ({ itemType: "COMPETENCE" as const, itemId: c.id }));
}

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

export type CompetenceLevel = { competenceId: string; level: number; estimated: boolean };

/**
 * Level per competence. The full form rates each one; the short form rates areas, and each
 * competence of an area is estimated at the area's level (and shown as an estimate).
 */
export function competenceLevels(fw: TFramework, answers: AssessmentAnswers): CompetenceLevel[] {
  const byId = new Map(answers.ratings.map((r) => [`${r.itemType}:${r.itemId}`, r.level]));
  return fw.competences.flatMap((c): CompetenceLevel[] => {
    const own = byId.get(`COMPETENCE:${c.id}`);
    if (own !== undefined) return [{ competenceId: c.id, level: own, estimated: false }];
    const area = byId.get(`AREA:${c.area}`);
    return area !== undefined ? [{ competenceId: c.id, level: area, estimated: true }] : [];
  });
}

/** Level per area: the area's own rating (short form) or the lower median of its competences. */
export function areaLevels(fw: TFramework, answers: AssessmentAnswers): Map<string, number> {
  const result = new Map<string, number>();
  for (const area of fw.areas) {
    const own = answers.ratings.find((r) => r.itemType === "AREA" && r.itemId === area.id);
    if (own) {
      result.set(area.id, own.level);
      continue;
    }
    const levels = answers.ratings
      .filter((r) => r.itemType === "COMPETENCE" && fw.competences.some((c) => c.id === r.itemId && c.area === area.id))
      .map((r) => r.level);
    if (levels.length) result.set(area.id, lowerMedian(levels));
  }
  return result;
}

export type Gap = { competenceId: string; level: number; target: number; gap: number; estimated: boolean };

/** Competences below the role target, the widest gap first. */
export function findGaps(fw: TFramework, profileId: string, levels: CompetenceLevel[]): Gap[] {
  const profile = fw.profiles.find((p) => p.id === profileId) ?? fw.profiles[0]!;
  return levels
    .map((l) => ({ ...l, target: profile.targets[l.competenceId] ?? 0 }))
    .filter((l) => l.level < l.target)
    .map((l) => ({ competenceId: l.competenceId, level: l.level, target: l.target, gap: l.target - l.level, estimated: l.estimated }))
    .sort((a, b) => b.gap - a.gap || a.competenceId.localeCompare(b.competenceId, "en", { numeric: true }));
}

export type Change = { id: string; from: number; to: number; delta: number };

/** Areas whose level moved between two assessments (read each with its own framework version). */
export function areaChanges(previous: Map<string, number>, current: Map<string, number>): Change[] {
  const changes: Change[] = [];
  for (const [id, to] of current) {
    const from = previous.get(id);
    if (from !== undefined && from !== to) changes.push({ id, from, to, delta: to - from });
  }
  return changes;
}

/** Role profile for a person: curators are measured against the curator profile. */
export function profileForRoles(roles: readonly string[]): string {
  return roles.includes("CURATOR") ? "curator" : "social-work-specialist";
}

/** When the next self-assessment is due, counted from the last submission. */
export function nextAssessmentDue(lastSubmittedAt: Date | null, everyDays: number): Date | null {
  if (!lastSubmittedAt) return null;
  return new Date(lastSubmittedAt.getTime() + everyDays * 24 * 60 * 60 * 1000);
}

export type AssessmentSummary = {
  areas: Record<string, number>;
  competences: Record<string, number>;
  purposes: Record<string, string>;
  tools: string[];
};

/** The snapshot reports read: area levels (worked out here once), answers in compact form. */
export function buildSummary(
  fw: TFramework,
  answers: AssessmentAnswers,
  purposes: { purpose: string; frequency: string }[],
  tools: { tool: string; direction: string }[],
): AssessmentSummary {
  return {
    areas: Object.fromEntries(areaLevels(fw, answers)),
    competences: Object.fromEntries(answers.ratings.filter((r) => r.itemType === "COMPETENCE").map((r) => [r.itemId, r.level])),
    purposes: Object.fromEntries(purposes.map((p) => [p.purpose, p.frequency])),
    tools: tools.map((t) => `${t.tool}|${t.direction}`).sort(),
  };
}
