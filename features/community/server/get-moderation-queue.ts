import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { FlagReason } from "../moderation-types";
import { loadSpace } from "./load-space";

export type QueueItem = {
  postId: string;
  thread: { id: string; title: string };
  author: { id: string; name: string };
  /** Sanitized HTML rendered on write: moderators read hidden posts too. */
  html: string;
  createdAt: string;
  /** The author posted after confirming the text holds no client data; not reviewed yet. */
  isConfirmedNoClientData: boolean;
  isHidden: boolean;
  /** Hidden by three flags, waiting for a moderator. */
  isAutoHidden: boolean;
  hiddenReason: string | null;
  /** What a decision sends back (compare-and-set). */
  version: number;
  flags: { reason: FlagReason; note: string | null; byName: string; createdAt: string }[];
};

export type ActiveSuspensionView = { id: string; userName: string; endsAt: string; reason: string };

export type ModerationQueue = { space: { id: string; slug: string; name: string }; items: QueueItem[]; suspensions: ActiveSuspensionView[] };

/** What waits for a space's moderators: open flags, confirmed "no client data" posts not reviewed, posts the flags hid. */
export function queueWhere(spaceId: string): Prisma.PostWhereInput {
  return {
    thread: { spaceId },
    deletedAt: null,
    OR: [{ flags: { some: { resolvedAt: null } } }, { confirmedNoClientData: true, reviewedAt: null }, { hiddenAt: { not: null }, hiddenReason: null }],
  };
}

/** A space's moderation queue, oldest first (flags grouped by post), and its active suspensions; for its moderators only (403). */
export async function getModerationQueue(actor: Actor, slug: string, now = new Date()): Promise<ModerationQueue> {
  const space = await loadSpace(actor, slug);
  authorize(actor, "moderate:community-space", space.resource);
  const db = getDb();
  const [posts, suspensions] = await Promise.all([
    db.post.findMany({
      where: queueWhere(space.id),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: {
        id: true,
        html: true,
        createdAt: true,
        confirmedNoClientData: true,
        reviewedAt: true,
        hiddenAt: true,
        hiddenReason: true,
        moderationVersion: true,
        author: { select: { id: true, name: true } },
        thread: { select: { id: true, title: true } },
        flags: {
          where: { resolvedAt: null },
          orderBy: { createdAt: "asc" },
          select: { reason: true, note: true, createdAt: true, user: { select: { name: true } } },
        },
      },
    }),
    db.communitySuspension.findMany({
      where: { spaceId: space.id, liftedAt: null, endsAt: { gt: now } },
      orderBy: { endsAt: "asc" },
      select: { id: true, endsAt: true, reason: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    space: { id: space.id, slug: space.slug, name: space.name },
    items: posts.map((p) => ({
      postId: p.id,
      thread: p.thread,
      author: p.author,
      html: p.html,
      createdAt: p.createdAt.toISOString(),
      isConfirmedNoClientData: p.confirmedNoClientData && p.reviewedAt === null,
      isHidden: p.hiddenAt !== null,
      isAutoHidden: p.hiddenAt !== null && p.hiddenReason === null,
      hiddenReason: p.hiddenReason,
      version: p.moderationVersion,
      flags: p.flags.map((f) => ({ reason: f.reason as FlagReason, note: f.note, byName: f.user.name, createdAt: f.createdAt.toISOString() })),
    })),
    suspensions: suspensions.map((s) => ({ id: s.id, userName: s.user.name, endsAt: s.endsAt.toISOString(), reason: s.reason })),
  };
}
