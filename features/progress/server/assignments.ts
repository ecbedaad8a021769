import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { listTracks } from "@/features/lessons/server/catalog";

export type OpenAssignment = {
  id: string;
  kind: "lesson" | "track";
  targetId: string;
  dueOn: string | null;
  message: string | null;
  curatorName: string;
};

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
  return rows.map((r) => ({ id: r.id, kind: r.kind === "track" ? "track" : "lesson", targetId: r.targetId, dueOn: r.dueOn, message: r.message, curatorName: r.curator.name }));
}

/**
 * Marks assignments done by this lesson: the lesson itself, and a track once all its lessons are
 * finished. Runs inside the completion's transaction.
 */
export async function completeAssignments(tx: Prisma.TransactionClient, learnerId: string, lessonId: string, at: Date) {
  await tx.assignment.updateMany({ where: { learnerId, kind: "lesson", targetId: lessonId, completedAt: null }, data: { completedAt: at } });
  const tracks = listTracks().filter((t) => t.lessons.includes(lessonId));
  if (!tracks.length) return;
  const open = await tx.assignment.findMany({ where: { learnerId, kind: "track", targetId: { in: tracks.map((t) => t.id) }, completedAt: null }, select: { id: true, targetId: true } });
  if (!open.length) return;
  const done = new Set(
    (await tx.lessonProgress.findMany({ where: { userId: learnerId, completedAt: { not: null } }, select: { lessonId: true } })).map((p) => p.lessonId),
  );
  const finished = open.filter((a) => tracks.find((t) => t.id === a.targetId)!.lessons.every((id) => done.has(id)));
  if (finished.length) await tx.assignment.updateMany({ where: { id: { in: finished.map((a) => a.id) } }, data: { completedAt: at } });
}
