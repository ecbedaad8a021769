import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError, isUniqueViolation } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { authorize } from "@/server/authz/policy";
import type { TDraftSave } from "../schemas";
import { profileForRoles } from "../scoring";
import { getFramework, DEFAULT_FRAMEWORK_ID } from "./framework";

export type DraftDto = { id: string; form: "SHORT" | "FULL"; frameworkVersion: number; updatedAt: string };

/**
 * Saves the learner's answers so far (the whole answer set each time, so a replayed or reordered
 * save cannot leave a mix). One draft per person (a partial unique index); it keeps the framework
 * version it started on.
 */
export async function saveDraft(actor: Actor, input: TDraftSave): Promise<DraftDto> {
  authorize(actor, "update:profile:own");
  try {
    return await writeDraft(actor, input);
  } catch (error) {
    // Two first saves racing (two tabs): the one refused by the index saves into the other's draft.
    if (!isUniqueViolation(error, "Assessment_userId_draft_key")) throw constraintError(error) ?? error;
  }
  try {
    return await writeDraft(actor, input);
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}

async function writeDraft(actor: Actor, input: TDraftSave): Promise<DraftDto> {
  const db = getDb();
  const existing = await db.assessment.findFirst({ where: { userId: actor.id, status: "DRAFT" }, select: { id: true, frameworkVersion: true } });
  const fw = getFramework(existing?.frameworkVersion);
  const itemType = input.form === "SHORT" ? "AREA" : "COMPETENCE";
  const known = new Set(input.form === "SHORT" ? fw.areas.map((a) => a.id) : fw.competences.map((c) => c.id));
  const fields: Record<string, string[]> = {};
  input.ratings.forEach((r, i) => {
    if (r.itemType !== itemType || !known.has(r.itemId)) (fields[`ratings.${i}.itemId`] ??= []).push("errors.unknownItem");
  });
  const seen = new Set<string>();
  input.ratings.forEach((r, i) => {
    if (seen.has(r.itemId)) (fields[`ratings.${i}.itemId`] ??= []).push("errors.duplicateItem");
    seen.add(r.itemId);
  });
  if (Object.keys(fields).length) throw new AppError("validation_failed", "errors.validation", fields);

  const draft = await db.$transaction(async (tx) => {
    const select = { id: true, form: true, frameworkVersion: true, updatedAt: true } as const;
    let row;
    if (existing) {
      // Compare-and-set: a draft submitted meanwhile (in another tab) is not written into.
      const { count } = await tx.assessment.updateMany({ where: { id: existing.id, status: "DRAFT" }, data: { form: input.form } });
      if (count === 0) throw new AppError("conflict", "errors.alreadySubmitted");
      row = await tx.assessment.findUniqueOrThrow({ where: { id: existing.id }, select });
    } else {
      row = await tx.assessment.create({
        data: { userId: actor.id, frameworkId: DEFAULT_FRAMEWORK_ID, frameworkVersion: fw.version, profileId: profileForRoles(actor.roles), form: input.form },
        select,
      });
    }
    await tx.assessmentRating.deleteMany({ where: { assessmentId: row.id } });
    await tx.assessmentPurpose.deleteMany({ where: { assessmentId: row.id } });
    await tx.assessmentToolUse.deleteMany({ where: { assessmentId: row.id } });
    if (input.ratings.length) {
      await tx.assessmentRating.createMany({
        data: input.ratings.map((r) => ({ assessmentId: row.id, itemType: r.itemType, itemId: r.itemId, level: r.level, note: r.note || null })),
      });
    }
    const purposes = Object.entries(input.purposes).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined);
    if (purposes.length) {
      await tx.assessmentPurpose.createMany({ data: purposes.map(([purpose, frequency]) => ({ assessmentId: row.id, purpose, frequency })) });
    }
    if (input.tools.length) {
      const unique = [...new Map(input.tools.map((t) => [`${t.tool}|${t.direction}`, t])).values()];
      await tx.assessmentToolUse.createMany({ data: unique.map((t) => ({ assessmentId: row.id, tool: t.tool, direction: t.direction })) });
    }
    return row;
  });
  return { id: draft.id, form: draft.form, frameworkVersion: draft.frameworkVersion, updatedAt: draft.updatedAt.toISOString() };
}

export async function discardDraft(actor: Actor): Promise<void> {
  authorize(actor, "update:profile:own");
  await getDb().assessment.deleteMany({ where: { userId: actor.id, status: "DRAFT" } });
}
