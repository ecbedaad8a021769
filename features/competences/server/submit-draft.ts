import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { PURPOSE_IDS } from "../instrument";
import { buildSummary, requiredItems } from "../scoring";
import { getFramework } from "./framework";

/** A submit that finds no draft this soon after a submission is a second click or another tab. */
const DOUBLE_SUBMIT_MS = 60_000;

/**
 * Turns the draft into an immutable snapshot. Every item of the chosen form and all six purposes
 * must be answered; the person's organization, hromada and region are recorded with it. Submitting
 * is a compare-and-set on the draft, so a second submit racing the first answers 409.
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
  if (!draft) {
    // No draft left a moment after one was submitted: this is the second of a double submit.
    const justSubmitted = await db.assessment.count({
      where: { userId: actor.id, status: "SUBMITTED", submittedAt: { gte: new Date(Date.now() - DOUBLE_SUBMIT_MS) } },
    });
    throw justSubmitted ? new AppError("conflict", "errors.alreadySubmitted") : new AppError("not_found", "errors.noDraft");
  }
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
  // The snapshot is of the answers read above: a save or a submit that came in between wins.
  const { count } = await db.assessment.updateMany({
    where: { id: draft.id, status: "DRAFT", updatedAt: draft.updatedAt },
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
  if (count === 0) {
    const now = await db.assessment.findUnique({ where: { id: draft.id }, select: { status: true } });
    throw new AppError("conflict", now?.status === "DRAFT" ? "errors.draftChanged" : "errors.alreadySubmitted");
  }
  return { id: draft.id, submittedAt: submittedAt.toISOString() };
}
