import type { PrismaClient } from "../../server/db/client";
import { buildSummary } from "../../features/competences/scoring";
import { getFramework } from "../../features/competences/server/framework";
import type { TFramework } from "../../features/competences/framework-schema";
import { PURPOSE_IDS } from "../../features/competences/instrument";

/** A complete short-form answer set: every area at `level`, every purpose answered "OFTEN". */
export function shortFormAnswers(fw: TFramework, level: number | ((areaId: string) => number)) {
  return {
    form: "SHORT" as const,
    ratings: fw.areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id, level: typeof level === "number" ? level : level(a.id) })),
    purposes: Object.fromEntries(PURPOSE_IDS.map((p) => [p, "OFTEN"])),
    tools: [{ tool: "viber-closed-groups", direction: "communication" }],
  };
}

export type SubmittedAssessmentInput = {
  userId: string;
  regionId: string;
  hromadaId: string;
  organizationId: string;
  submittedAt: Date;
  form: "SHORT" | "FULL";
  ratings: { itemType: "AREA" | "COMPETENCE"; itemId: string; level: number }[];
  purposes: Record<string, "ALWAYS" | "OFTEN" | "SOMETIMES" | "NEVER">;
  tools?: { tool: string; direction: string }[];
};

/**
 * Inserts a submitted assessment directly, for report fixtures: answers are written while it is a
 * draft (the immutability trigger refuses them afterwards), then it is submitted.
 */
export async function insertSubmittedAssessment(db: PrismaClient, input: SubmittedAssessmentInput): Promise<string> {
  const a = await db.assessment.create({
    data: {
      userId: input.userId,
      frameworkId: "digcomp-sw",
      frameworkVersion: 1,
      profileId: "social-work-specialist",
      form: input.form,
      regionId: input.regionId,
      hromadaId: input.hromadaId,
      organizationId: input.organizationId,
      ratings: { create: input.ratings },
      purposes: { create: Object.entries(input.purposes).map(([purpose, frequency]) => ({ purpose, frequency })) },
      tools: { create: input.tools ?? [] },
    },
    select: { id: true },
  });
  const summary = buildSummary(
    getFramework(1),
    { form: input.form, ratings: input.ratings },
    Object.entries(input.purposes).map(([purpose, frequency]) => ({ purpose, frequency })),
    input.tools ?? [],
  );
  await db.assessment.update({ where: { id: a.id }, data: { status: "SUBMITTED", submittedAt: input.submittedAt, summary } });
  return a.id;
}
