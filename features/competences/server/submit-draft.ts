import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { PURPOSE_IDS } from "../instrument";
import { buildSummary, requiredItems } from "../scoring";
import { getFramework } from "./framework";

/**
 * Turns the draft into an immutable snapshot. Every item of the chosen form and all six purposes
 * must be answered; the person's organization, hromada and region are recorded with it.
 */
export async function submitDraft(actor: Actor): Promise<{ id: string; submittedAt: string }> {
  authorize(actor, "update:profile:own");
  const db = getDb();
  const draft = await db.assessment.findFirst({
    where: { userId: actor.id, status: "DRAFT" },
    include: {
      ratings: { select: { itemType: true, itemId: true, level: true } },
      purposes: { select: { purpose: true, frequency: true } },
      tools: { select: { tool: true, direction: true } },
    },
  });
  if (!draft) throw new AppError("not_found", "errors.noDraft");
  const fw = getFramework(draft.frameworkVersion);
  const answered = new Set(draft.ratings.map((r) => `${r.itemType}:${r.itemId}`));
  const fields: Record<string, string[]> = {};
  const missing = requiredItems(fw, draft.form).filter((i) => !answered.has(`${i.itemType}:${i.itemId}`));
  if (missing.length) fields.ratings = missing.map((m) => m.itemId);
  const answeredPurposes = new Set(draft.purposes.map((p) => p.purpose));
  const missingPurposes = PURPOSE_IDS.filter((p) => !answeredPurposes.has(p));
  if (missingPurposes.length) fields.purposes = missingPurposes;
  if (Object.keys(fields).length) throw new AppError("unprocessable", "errors.assessmentIncomplete", fields);

  const submittedAt = new Date();
  const summary = buildSummary(fw, { form: draft.form, ratings: draft.ratings }, draft.purposes, draft.tools);
  await db.assessment.update({
    where: { id: draft.id },
    data: {
      status: "SUBMITTED",
      submittedAt,
      summary,
      organizationId: actor.organizationId,
      hromadaId: actor.hromadaId,
      regionId: actor.regionId,
      profileId: draft.profileId,
    },
  });
  return { id: draft.id, submittedAt: submittedAt.toISOString() };
}
