import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ModerationActionKind } from "../moderation-types";

export type ModerationRecord = {
  /** Null for a suspension everywhere (and its lifting). */
  spaceId: string | null;
  /** Null only for the automatic hide after three flags. */
  actorId: string | null;
  action: ModerationActionKind;
  reason: string;
  threadId?: string;
  postId?: string;
  targetUserId?: string;
  toSpaceId?: string;
};

/** Writes the moderation log's row (who, when, what, why) inside the caller's transaction, so it exists exactly when the action does. */
export async function recordModeration(tx: Prisma.TransactionClient, record: ModerationRecord, now = new Date()): Promise<void> {
  await tx.moderationAction.create({ data: { ...record, createdAt: now } });
}
