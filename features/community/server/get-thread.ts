import "server-only";
import { getDb } from "@/server/db/client";
import { can, moderatedSpacesWhere, type Actor } from "@/server/authz/policy";
import { EDIT_WINDOW_MINUTES, type ThreadKind } from "../types";
import { loadThread } from "./load-thread";
import { getMySuspension } from "./posting-limits";

export type PostView = {
  id: string;
  authorName: string;
  isMine: boolean;
  /** Sanitized HTML rendered on write; empty for a removed post. */
  html: string;
  /** The Markdown to edit, only when the reader may edit the post. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  isRemoved: boolean;
  helpfulCount: number;
  markedHelpful: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canAccept: boolean;
  isUnread: boolean;
  /** Hidden by a moderator or by flags: readers see "hidden by a moderator" in place, no text. */
  isHidden: boolean;
  /** The author and moderators still read a hidden post's text and the reason (null: hidden by flags until a moderator decides). */
  hiddenReason: string | null;
  canFlag: boolean;
  hasFlagged: boolean;
  /** The post's moderation version, for a moderator's decision (compare-and-set); null for others. */
  moderationVersion: number | null;
};

export type ThreadView = {
  id: string;
  title: string;
  kind: ThreadKind;
  space: { slug: string; name: string };
  isLocked: boolean;
  canReply: boolean;
  /** Whether the reader moderates this thread's space (lock and reopen). */
  canModerate: boolean;
  follow: "following" | "muted" | "none";
  isPinned: boolean;
  /** The reader's suspension from posting here, if any (shown instead of the reply form). */
  suspension: { endsAt: string; reason: string; isEverywhere: boolean } | null;
  /** Other spaces the moderator may move the thread to (empty for everyone else). */
  moveTargets: { slug: string; name: string }[];
  /** The opening post, then the accepted answer (if any), then the other replies in order. */
  question: PostView | null;
  accepted: PostView | null;
  replies: PostView[];
  firstUnreadId: string | null;
  newestAt: string | null;
};

/**
 * A thread as its reader sees it (404 for a private group's thread they are not in, 403 for
 * another region's). Reading writes nothing; the page marks it read through the API.
 */
export async function getThread(actor: Actor, threadId: string, now = new Date()): Promise<ThreadView> {
  const thread = await loadThread(actor, threadId);
  const db = getDb();
  const [posts, read, follow] = await Promise.all([
    db.post.findMany({
      where: { threadId: thread.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        authorId: true,
        body: true,
        html: true,
        createdAt: true,
        editedAt: true,
        deletedAt: true,
        hiddenAt: true,
        hiddenReason: true,
        moderationVersion: true,
        flags: { where: { userId: actor.id }, select: { id: true } },
        author: { select: { name: true } },
        _count: { select: { reactions: true } },
        reactions: { where: { userId: actor.id }, select: { id: true } },
      },
    }),
    db.threadRead.findUnique({ where: { userId_threadId: { userId: actor.id, threadId: thread.id } }, select: { lastReadAt: true } }),
    db.threadFollow.findUnique({ where: { userId_threadId: { userId: actor.id, threadId: thread.id } }, select: { muted: true } }),
  ]);
  const space = thread.space.resource;
  const moderates = can(actor, "moderate:community-space", space);
  const [suspension, pin, moveTargets] = await Promise.all([
    getMySuspension(actor, thread.space.id, now),
    db.thread.findUnique({ where: { id: thread.id }, select: { pinSlot: true } }),
    moderates
      ? db.communitySpace.findMany({
          where: { AND: [moderatedSpacesWhere(actor), { id: { not: thread.space.id } }] },
          orderBy: { name: "asc" },
          select: { slug: true, name: true },
        })
      : [],
  ]);
  const canAcceptHere =
    thread.kind === "QUESTION" && thread.acceptedPostId === null && can(actor, "accept:community-answer", { authorId: thread.authorId, space });
  const views = posts.map((p, i): PostView => {
    const removed = p.deletedAt !== null;
    const hidden = !removed && p.hiddenAt !== null;
    const seesHidden = p.authorId === actor.id || moderates;
    const withinEditWindow = now.getTime() - p.createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000;
    const post = { authorId: p.authorId, space, withinEditWindow };
    const canEdit = !removed && !thread.lockedAt && suspension === null && can(actor, "edit:community-post", post);
    return {
      id: p.id,
      authorName: p.author.name,
      isMine: p.authorId === actor.id,
      html: removed || (hidden && !seesHidden) ? "" : p.html,
      body: canEdit ? p.body : null,
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      isRemoved: removed,
      helpfulCount: p._count.reactions,
      markedHelpful: p.reactions.length > 0,
      canEdit,
      canDelete: !removed && can(actor, "delete:community-post", post),
      canAccept: i > 0 && !removed && !hidden && canAcceptHere,
      isUnread: p.authorId !== actor.id && (!read || p.createdAt > read.lastReadAt),
      isHidden: hidden,
      hiddenReason: hidden && seesHidden ? p.hiddenReason : null,
      canFlag: !removed && !hidden && p.flags.length === 0 && can(actor, "flag:community-post", post),
      hasFlagged: p.flags.length > 0,
      moderationVersion: moderates && !removed ? p.moderationVersion : null,
    };
  });
  const [question, ...rest] = views;
  const accepted = rest.find((p) => p.id === thread.acceptedPostId) ?? null;
  return {
    id: thread.id,
    title: thread.title,
    kind: thread.kind,
    space: { slug: thread.space.slug, name: thread.space.name },
    isLocked: thread.lockedAt !== null,
    canReply: thread.lockedAt === null && suspension === null && can(actor, "post:community-space", space),
    canModerate: moderates,
    follow: follow ? (follow.muted ? "muted" : "following") : "none",
    isPinned: pin?.pinSlot != null,
    suspension,
    moveTargets,
    question: question ?? null,
    accepted,
    replies: rest.filter((p) => p.id !== thread.acceptedPostId),
    firstUnreadId: views.find((p) => p.isUnread)?.id ?? null,
    newestAt: posts.at(-1)?.createdAt.toISOString() ?? null,
  };
}
