import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadThread } from "./load-thread";

export type FollowState = "following" | "muted" | "none";

/** Follow a thread (notified of replies), mute it (never notified, even after replying), or neither. */
export async function setThreadFollow(actor: Actor, threadId: string, state: FollowState): Promise<{ state: FollowState }> {
  const thread = await loadThread(actor, threadId);
  const db = getDb();
  const key = { userId_threadId: { userId: actor.id, threadId: thread.id } };
  if (state === "none") await db.threadFollow.deleteMany({ where: { userId: actor.id, threadId: thread.id } });
  else
    await db.threadFollow.upsert({
      where: key,
      create: { userId: actor.id, threadId: thread.id, muted: state === "muted" },
      update: { muted: state === "muted" },
    });
  return { state };
}
