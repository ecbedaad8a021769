import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { ModerationActionKind } from "../moderation-types";
import { loadSpace } from "./load-space";

export type LogEntry = {
  id: string;
  action: ModerationActionKind;
  /** Null for the automatic hide after three flags. */
  actorName: string | null;
  reason: string;
  createdAt: string;
  thread: { id: string; title: string } | null;
  postId: string | null;
  targetUserName: string | null;
  /** For a move: where from and where to. */
  fromSpaceName: string | null;
  toSpaceName: string | null;
};

/** A space's moderation log, newest first: its own actions and the threads moved into it; for its moderators only (403). */
export async function listModerationLog(actor: Actor, slug: string, take = 200): Promise<{ space: { slug: string; name: string }; entries: LogEntry[] }> {
  const space = await loadSpace(actor, slug);
  authorize(actor, "moderate:community-space", space.resource);
  const rows = await getDb().moderationAction.findMany({
    where: { OR: [{ spaceId: space.id }, { toSpaceId: space.id }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      action: true,
      reason: true,
      createdAt: true,
      postId: true,
      actor: { select: { name: true } },
      thread: { select: { id: true, title: true } },
      targetUser: { select: { name: true } },
      space: { select: { name: true } },
      toSpace: { select: { name: true } },
    },
  });
  return {
    space: { slug: space.slug, name: space.name },
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action as ModerationActionKind,
      actorName: r.actor?.name ?? null,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      thread: r.thread,
      postId: r.postId,
      targetUserName: r.targetUser?.name ?? null,
      fromSpaceName: r.action === "MOVE" ? (r.space?.name ?? null) : null,
      toSpaceName: r.toSpace?.name ?? null,
    })),
  };
}
