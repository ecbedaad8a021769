import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { can, moderatedSpacesWhere, type Actor } from "@/server/authz/policy";
import { EDIT_WINDOW_MINUTES, THREAD_POSTS_PAGE_SIZE, type ThreadKind } from "../types";
import { loadThread } from "./load-thread";
import { getMySuspension } from "./posting-limits";
import { nameUnlessErased } from "@/features/accounts/erased";

export type PostView = {
  id: string;
  /** Null when the author's account was erased: the page says "a former member" (decision 051). */
  authorName: string | null;
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
  /** Edited, and the reader is its author or a moderator: a link to the earlier versions. */
  canSeeHistory: boolean;
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
  /** On the first page: the opening post, then the accepted answer (if any); null on later pages. */
  question: PostView | null;
  accepted: PostView | null;
  /** This page's other posts in order (the accepted answer is shown under the question instead). */
  replies: PostView[];
  /** The page shown (1-based) and how many there are; THREAD_POSTS_PAGE_SIZE posts a page, removed ones too. */
  page: number;
  pageCount: number;
  /** The reader's first unread post in the whole thread and the page it is on. */
  firstUnreadId: string | null;
  firstUnreadPage: number | null;
  /** The newest post shown on this page: the read mark moves up to it. */
  newestAt: string | null;
};

/** Which page to show: a page number (past the end means the last), "last", or the page that holds a post. */
export type ThreadPageRequest = { page?: number | "last"; postId?: string };

const POST_SELECT = (actorId: string) =>
  ({
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
    flags: { where: { userId: actorId }, select: { id: true } },
    author: { select: { name: true, status: true } },
    _count: { select: { reactions: true } },
    reactions: { where: { userId: actorId }, select: { id: true } },
  }) satisfies Prisma.PostSelect;

/**
 * A thread as its reader sees it, one page of posts at a time (404 for a private group's thread they
 * are not in, 403 for another region's). The posts are ordered by time (then id), so a post's page
 * is the number of posts before it; a long thread costs the same few indexed queries on any page.
 * Reading writes nothing; the page marks it read through the API.
 */
export async function getThread(actor: Actor, threadId: string, request: ThreadPageRequest = {}, now = new Date()): Promise<ThreadView> {
  const thread = await loadThread(actor, threadId);
  const db = getDb();
  const [postCount, read, follow, target] = await Promise.all([
    db.post.count({ where: { threadId: thread.id } }),
    db.threadRead.findUnique({ where: { userId_threadId: { userId: actor.id, threadId: thread.id } }, select: { lastReadAt: true } }),
    db.threadFollow.findUnique({ where: { userId_threadId: { userId: actor.id, threadId: thread.id } }, select: { muted: true } }),
    request.postId ? db.post.findFirst({ where: { id: request.postId, threadId: thread.id }, select: { id: true, createdAt: true } }) : Promise.resolve(null),
  ]);
  const pageCount = Math.max(1, Math.ceil(postCount / THREAD_POSTS_PAGE_SIZE));
  /** The number of posts before one, in the thread's order: its index. */
  const indexOf = (post: { id: string; createdAt: Date }) =>
    db.post.count({
      where: { threadId: thread.id, OR: [{ createdAt: { lt: post.createdAt } }, { createdAt: post.createdAt, id: { lt: post.id } }] },
    });
  const pageOf = (index: number) => Math.floor(index / THREAD_POSTS_PAGE_SIZE) + 1;
  const firstUnreadPost = await db.post.findFirst({
    where: { threadId: thread.id, authorId: { not: actor.id }, ...(read ? { createdAt: { gt: read.lastReadAt } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, createdAt: true },
  });
  const [firstUnreadIndex, targetIndex] = await Promise.all([
    firstUnreadPost ? indexOf(firstUnreadPost) : Promise.resolve(null),
    target && target.id !== thread.acceptedPostId ? indexOf(target) : Promise.resolve(0),
  ]);
  const page =
    request.postId !== undefined ? pageOf(targetIndex) : request.page === "last" ? pageCount : Math.min(pageCount, Math.max(1, Math.floor(request.page ?? 1)));
  const pagePosts = await db.post.findMany({
    where: { threadId: thread.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * THREAD_POSTS_PAGE_SIZE,
    take: THREAD_POSTS_PAGE_SIZE,
    select: POST_SELECT(actor.id),
  });
  // The accepted answer stands under the question on the first page, wherever its own page is.
  const acceptedRow =
    page === 1 && thread.acceptedPostId
      ? (pagePosts.find((p) => p.id === thread.acceptedPostId) ??
        (await db.post.findFirst({ where: { id: thread.acceptedPostId, threadId: thread.id }, select: POST_SELECT(actor.id) })))
      : null;
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
  const toView = (p: (typeof pagePosts)[number], isOpening: boolean): PostView => {
    const removed = p.deletedAt !== null;
    const hidden = !removed && p.hiddenAt !== null;
    const seesHidden = p.authorId === actor.id || moderates;
    const withinEditWindow = now.getTime() - p.createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000;
    const post = { authorId: p.authorId, space, withinEditWindow };
    const canEdit = !removed && !thread.lockedAt && suspension === null && can(actor, "edit:community-post", post);
    return {
      id: p.id,
      authorName: nameUnlessErased(p.author),
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
      canSeeHistory: p.editedAt !== null && can(actor, "read:community-post-history", post),
      canAccept: !isOpening && !removed && !hidden && canAcceptHere,
      isUnread: p.authorId !== actor.id && (!read || p.createdAt > read.lastReadAt),
      isHidden: hidden,
      hiddenReason: hidden && seesHidden ? p.hiddenReason : null,
      canFlag: !removed && !hidden && p.flags.length === 0 && can(actor, "flag:community-post", post),
      hasFlagged: p.flags.length > 0,
      moderationVersion: moderates && !removed ? p.moderationVersion : null,
    };
  };
  const views = pagePosts.map((p, i) => toView(p, page === 1 && i === 0));
  const question = page === 1 ? (views[0] ?? null) : null;
  const rest = page === 1 ? views.slice(1) : views;
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
    question,
    accepted: acceptedRow ? toView(acceptedRow, false) : null,
    replies: rest.filter((p) => p.id !== thread.acceptedPostId),
    page,
    pageCount,
    firstUnreadId: firstUnreadPost?.id ?? null,
    firstUnreadPage: firstUnreadIndex === null ? null : firstUnreadPost?.id === thread.acceptedPostId ? 1 : pageOf(firstUnreadIndex),
    newestAt: pagePosts.at(-1)?.createdAt.toISOString() ?? null,
  };
}
