import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";

export async function hasCompletedLesson(actor: Actor, lessonId: string): Promise<boolean> {
  const row = await getDb().lessonProgress.findUnique({ where: { userId_lessonId: { userId: actor.id, lessonId } }, select: { completedAt: true } });
  return Boolean(row?.completedAt);
}
