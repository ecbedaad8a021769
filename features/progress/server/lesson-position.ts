import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadCatalog } from "@/features/content/server/load-catalog";

/** Where the learner is in a lesson: finished before, and the screen to resume on. */
export async function getLessonState(actor: Actor, lessonId: string): Promise<{ completed: boolean; step: number }> {
  authorize(actor, "read:profile:own");
  const row = await getDb().lessonProgress.findUnique({
    where: { userId_lessonId: { userId: actor.id, lessonId } },
    select: { completedAt: true, step: true },
  });
  return { completed: Boolean(row?.completedAt), step: row?.step ?? 0 };
}

/** Remembers the screen of the lesson player the learner reached, so the lesson resumes there. */
export async function saveLessonPosition(actor: Actor, lessonId: string, step: number) {
  authorize(actor, "update:profile:own");
  const steps = (await loadCatalog(actor)).lessonStepCount(lessonId);
  if (steps === 0) throw new AppError("not_found", "errors.lessonNotFound");
  if (step >= steps) throw new AppError("validation_failed", "errors.validation", { step: ["errors.stepOutOfRange"] });
  await getDb().lessonProgress.upsert({
    where: { userId_lessonId: { userId: actor.id, lessonId } },
    create: { userId: actor.id, lessonId, step },
    update: { step },
  });
  return { lessonId, step };
}

/** The lessons the learner has finished (for marks in the catalog). */
export async function completedLessonIds(actor: Actor): Promise<Set<string>> {
  authorize(actor, "read:profile:own");
  const rows = await getDb().lessonProgress.findMany({ where: { userId: actor.id, completedAt: { not: null } }, select: { lessonId: true } });
  return new Set(rows.map((r) => r.lessonId));
}
