import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { kyivDay } from "@/lib/kyiv-calendar";
import { assertKnownItems, countedSeconds, resolveDoneAt } from "@/features/progress/completion-rules";
import type { TLessonCompletion } from "@/features/progress/schemas";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { completeAssignments } from "@/features/progress/server/assignments";

const key = (userId: string, walkthroughId: string) => ({ userId_walkthroughId: { userId, walkthroughId } });

export async function getWalkthroughState(actor: Actor, walkthroughId: string): Promise<{ completed: boolean; step: number }> {
  authorize(actor, "read:profile:own");
  const row = await getDb().walkthroughProgress.findUnique({ where: key(actor.id, walkthroughId), select: { completedAt: true, step: true } });
  return { completed: Boolean(row?.completedAt), step: row?.step ?? 0 };
}

/** Remembers the screen the learner reached, so the guide resumes there. */
export async function saveWalkthroughPosition(actor: Actor, walkthroughId: string, step: number) {
  authorize(actor, "update:profile:own");
  const screens = (await loadCatalog(actor)).walkthroughScreenCount(walkthroughId);
  if (screens === 0) throw new AppError("not_found", "errors.walkthroughNotFound");
  if (step >= screens) throw new AppError("validation_failed", "errors.validation", { step: ["errors.stepOutOfRange"] });
  await getDb().walkthroughProgress.upsert({ where: key(actor.id, walkthroughId), create: { userId: actor.id, walkthroughId, step }, update: { step } });
  return { walkthroughId, step };
}

/**
 * Records a finished walkthrough: the first completion is kept, the time counts towards the day
 * (the Kyiv day it was done, even when sent later), and a curator's assignment of it is done.
 */
export async function completeWalkthrough(actor: Actor, walkthroughId: string, input: TLessonCompletion, now = new Date()) {
  authorize(actor, "update:profile:own");
  const guide = await (await loadCatalog(actor)).getWalkthrough(walkthroughId, "uk");
  if (!guide) throw new AppError("not_found", "errors.walkthroughNotFound");
  assertKnownItems(input.answers, new Set(guide.items.map((i) => i.id)));
  const doneAt = resolveDoneAt(input.doneAt, now);
  const completedOn = kyivDay(doneAt);
  await getDb().$transaction(async (tx) => {
    const existing = await tx.walkthroughProgress.findUnique({ where: key(actor.id, walkthroughId) });
    await tx.walkthroughProgress.upsert({
      where: key(actor.id, walkthroughId),
      create: { userId: actor.id, walkthroughId, completedAt: doneAt, completedOn },
      update: { completedAt: existing?.completedAt ?? doneAt, completedOn: existing?.completedOn ?? completedOn },
    });
    await tx.learningActivity.create({
      data: {
        userId: actor.id,
        kind: "walkthrough",
        contentId: walkthroughId,
        day: completedOn,
        seconds: countedSeconds(input.minutes, guide.frontmatter.minutes),
        at: doneAt,
        receivedAt: now,
      },
    });
    await completeAssignments(tx, actor.id, "walkthrough", walkthroughId, doneAt);
  });
  return { walkthroughId, completedOn };
}

/** The walkthroughs the learner has finished (for marks in the catalog). */
export async function completedWalkthroughIds(actor: Actor): Promise<Set<string>> {
  authorize(actor, "read:profile:own");
  const rows = await getDb().walkthroughProgress.findMany({ where: { userId: actor.id, completedAt: { not: null } }, select: { walkthroughId: true } });
  return new Set(rows.map((r) => r.walkthroughId));
}
