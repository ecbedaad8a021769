import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { notify } from "@/features/notifications/server/notify";

export type AssignmentKind = "lesson" | "track" | "walkthrough";

export type OpenAssignment = {
  id: string;
  kind: AssignmentKind;
  targetId: string;
  dueOn: string | null;
  message: string | null;
  curatorName: string;
};

const asKind = (kind: string): AssignmentKind => (kind === "track" || kind === "walkthrough" ? kind : "lesson");

/**
 * What the learner's current curators asked them to do and is not done yet, the soonest due first
 * (undated ones after the dated). Work set by a curator whose mentorship has ended is not shown.
 */
export async function openAssignments(learnerId: string): Promise<OpenAssignment[]> {
  const rows = await getDb().assignment.findMany({
    where: { learnerId, completedAt: null, curator: { mentees: { some: { menteeId: learnerId, endedAt: null } } } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: { id: true, kind: true, targetId: true, dueOn: true, message: true, curator: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: asKind(r.kind), targetId: r.targetId, dueOn: r.dueOn, message: r.message, curatorName: r.curator.name }));
}

/**
 * Marks the assignments a finished lesson or walkthrough completes — the item itself, and a track
 * once all its lessons are done — and tells each curator. Runs inside the completion's transaction;
 * `tracks` are the learner's (their catalog's, region tracks included).
 */
export async function completeAssignments(
  tx: Prisma.TransactionClient,
  learnerId: string,
  kind: "lesson" | "walkthrough",
  targetId: string,
  at: Date,
  tracks: readonly { id: string; lessons: readonly string[] }[] = [],
) {
  const candidates: { kind: AssignmentKind; targetId: string }[] = [{ kind, targetId }];
  if (kind === "lesson") {
    const containing = tracks.filter((t) => t.lessons.includes(targetId));
    if (containing.length) {
      const done = new Set(
        (await tx.lessonProgress.findMany({ where: { userId: learnerId, completedAt: { not: null } }, select: { lessonId: true } })).map((p) => p.lessonId),
      );
      for (const track of containing) if (track.lessons.every((id) => done.has(id))) candidates.push({ kind: "track", targetId: track.id });
    }
  }
  // Compare-and-set: of two completions racing (a replay from another tab), only the one that
  // marks an assignment done tells its curator.
  const finished = await tx.assignment.updateManyAndReturn({
    where: { learnerId, completedAt: null, OR: candidates.map((c) => ({ kind: c.kind, targetId: c.targetId })) },
    data: { completedAt: at },
    select: { kind: true, targetId: true, curatorId: true },
  });
  if (!finished.length) return;
  const learner = await tx.user.findUniqueOrThrow({ where: { id: learnerId }, select: { name: true } });
  for (const a of finished) {
    await notify(
      tx,
      a.curatorId,
      "assignment.completed",
      { actorName: learner.name, targetKind: asKind(a.kind), targetId: a.targetId },
      `/curator/mentees/${learnerId}`,
    );
  }
}
