import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";

/**
 * Marks a thread read up to the newest post the reader was shown (`upTo`, an ISO time), or now.
 * Called through the API by the page after it renders, never while rendering; the mark never moves back.
 */
export async function markThreadRead(actor: Actor, threadId: string, upTo?: Date, now = new Date()): Promise<{ lastReadAt: string }> {
  const thread = await loadThread(actor, threadId);
  const db = getDb();
  const at = upTo && upTo < now ? upTo : now;
  const existing = await db.threadRead.findUnique({ where: { userId_threadId: { userId: actor.id, threadId: thread.id } }, select: { lastReadAt: true } });
  if (existing && existing.lastReadAt >= at) return { lastReadAt: existing.lastReadAt.toISOString() };
  const row = await db.threadRead.upsert({
    where: { userId_threadId: { userId: actor.id, threadId: thread.id } },
    create: { userId: actor.id, threadId: thread.id, lastReadAt: at },
    update: { lastReadAt: at },
  });
  return { lastReadAt: row.lastReadAt.toISOString() };
}
