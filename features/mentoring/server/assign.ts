import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { findPersonalData } from "@/features/privacy/personal-data";
import { findCatalogAudience, loadCatalog } from "@/features/content/server/load-catalog";
import { kyivDay } from "@/lib/kyiv-calendar";
import { notify } from "@/features/notifications/server/notify";
import type { TAssignmentCreate } from "../schemas";
import { findMenteeResource } from "./find-mentee-resource";

/**
 * Only a learner's current curator gives or withdraws their work: the mentorship is read from the
 * database here. No such person answers like someone else's mentee (403), revealing nothing.
 */
async function authorizeWorkFor(actor: Actor, learnerId: string): Promise<void> {
  const learner = await findMenteeResource(learnerId);
  if (!learner) throw new AppError("forbidden", "errors.forbidden");
  authorize(actor, "assign:work", learner);
}

export const hrefOf = (kind: TAssignmentCreate["kind"], targetId: string) =>
  kind === "walkthrough" ? `/walkthroughs/${targetId}` : kind === "track" ? `/lessons#track-${targetId}` : `/lessons/${targetId}`;

/**
 * A curator asks a current mentee to take a lesson, a walkthrough or a whole track, with an
 * optional due day and message. It comes first on the mentee's Today, and they are notified.
 */
export async function createAssignment(actor: Actor, input: TAssignmentCreate, now = new Date()) {
  await authorizeWorkFor(actor, input.learnerId);
  // Checked against the mentee's catalog: work they could not open answers like an unknown id.
  const mentee = await findCatalogAudience(input.learnerId);
  const catalog = mentee ? await loadCatalog(mentee) : null;
  const exists =
    catalog !== null &&
    (input.kind === "lesson"
      ? catalog.lessonExists(input.targetId)
      : input.kind === "walkthrough"
        ? catalog.walkthroughStepIds(input.targetId).length > 0
        : catalog.tracks().some((t) => t.id === input.targetId));
  if (!exists) throw new AppError("validation_failed", "errors.validation", { targetId: ["errors.unknownAssignmentTarget"] });
  if (input.dueOn && input.dueOn < kyivDay(now)) throw new AppError("validation_failed", "errors.validation", { dueOn: ["errors.dueInPast"] });
  const message = input.message?.trim() || null;
  if (message && findPersonalData(message).length) throw new AppError("validation_failed", "errors.validation", { message: ["errors.personalDataInComment"] });
  const db = getDb();
  return db.$transaction(async (tx) => {
    const curator = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const row = await tx.assignment.create({
      data: { curatorId: actor.id, learnerId: input.learnerId, kind: input.kind, targetId: input.targetId, dueOn: input.dueOn ?? null, message },
      select: { id: true },
    });
    await notify(
      tx,
      input.learnerId,
      "assignment.new",
      { actorName: curator.name, targetKind: input.kind, targetId: input.targetId, dueOn: input.dueOn ?? null },
      hrefOf(input.kind, input.targetId),
    );
    return { id: row.id };
  });
}

/** The curator withdraws an assignment they gave that is not done yet. */
export async function cancelAssignment(actor: Actor, assignmentId: string) {
  const row = await getDb().assignment.findUnique({ where: { id: assignmentId }, select: { curatorId: true, learnerId: true, completedAt: true } });
  if (!row || row.curatorId !== actor.id) throw new AppError("not_found", "errors.assignmentNotFound");
  await authorizeWorkFor(actor, row.learnerId);
  if (row.completedAt) throw new AppError("conflict", "errors.assignmentDone");
  // Compare-and-set: work the learner finished meanwhile is kept, and the withdrawal answers 409.
  const { count } = await getDb().assignment.deleteMany({ where: { id: assignmentId, curatorId: actor.id, completedAt: null } });
  if (count === 0) throw new AppError("conflict", "errors.assignmentDone");
  return { ok: true as const };
}
