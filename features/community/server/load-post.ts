import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz/policy";
import { EDIT_WINDOW_MINUTES } from "../types";
import { loadThread, type LoadedThread } from "./load-thread";

export type LoadedPost = {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
  deletedAt: Date | null;
  /** Hidden by a moderator or by three flags (decision 023). */
  hiddenAt: Date | null;
  moderationVersion: number;
  isFirst: boolean;
  thread: LoadedThread;
  withinEditWindow: boolean;
};

/** A post and its thread's facts for the actor (404/403 as for the thread). */
export async function loadPost(actor: Actor, postId: string, now = new Date()): Promise<LoadedPost> {
  const db = getDb();
  const row = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, body: true, createdAt: true, deletedAt: true, hiddenAt: true, moderationVersion: true, threadId: true },
  });
  if (!row) throw new AppError("not_found", "errors.communityNotFound");
  const thread = await loadThread(actor, row.threadId);
  const first = await db.post.findFirst({ where: { threadId: row.threadId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return {
    id: row.id,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt,
    deletedAt: row.deletedAt,
    hiddenAt: row.hiddenAt,
    moderationVersion: row.moderationVersion,
    isFirst: first?.id === row.id,
    thread,
    withinEditWindow: now.getTime() - row.createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000,
  };
}
