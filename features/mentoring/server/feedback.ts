import "server-only";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, can, feedbackThreadsWhere, type Actor, type FeedbackResource } from "@/server/authz/policy";
import { findPersonalData } from "@/features/privacy/personal-data";
import { notify } from "@/features/notifications/server/notify";

/** Messages on one screen of a thread; earlier ones are a "show earlier messages" link away. */
export const THREAD_PAGE_SIZE = 50;

export type FeedbackThread = {
  curator: { id: string; name: string };
  mentee: { id: string; name: string };
  canWrite: boolean;
  /** One page, oldest first: the newest messages, or those just before the `before` cursor. `read`: whether the recipient has marked it read. */
  messages: { id: string; mine: boolean; authorName: string; body: string; createdAt: string; read: boolean }[];
  /** The cursor (a message id) for the page before this one, or null at the thread's start. */
  earlierCursor: string | null;
  /** Whether this is an earlier page rather than the newest. */
  paged: boolean;
  /** Whether the other person wrote anything the actor has not marked read (anywhere in the thread). */
  hasUnread: boolean;
  /** The newest message on this page: marking read goes up to it, never past what was shown. */
  newestId: string | null;
};

type ThreadAccess = { curator: { id: string; name: string }; mentee: { id: string; name: string }; resource: FeedbackResource };

/**
 * The facts about a thread, read from the database: both people, whether they were ever paired,
 * and the mentee's current curators. Only the two people in it can be let in, so anyone else gets
 * 404 before any lookup — the answer never tells an outsider who mentors whom.
 */
async function loadThread(actor: Actor, curatorId: string, menteeId: string): Promise<ThreadAccess> {
  if (actor.id !== curatorId && actor.id !== menteeId) throw new AppError("not_found", "errors.threadNotFound");
  const db = getDb();
  const [curator, mentee] = await Promise.all([
    db.user.findUnique({ where: { id: curatorId }, select: { id: true, name: true } }),
    db.user.findUnique({ where: { id: menteeId }, select: { id: true, name: true, curators: { select: { curatorId: true, endedAt: true } } } }),
  ]);
  if (!curator || !mentee || !mentee.curators.some((m) => m.curatorId === curatorId)) throw new AppError("not_found", "errors.threadNotFound");
  const menteeCuratorIds = mentee.curators.filter((m) => m.endedAt === null).map((m) => m.curatorId);
  return { curator, mentee: { id: mentee.id, name: mentee.name }, resource: { curatorId, menteeId, menteeCuratorIds } };
}

const inThread = (actor: Actor, curatorId: string, menteeId: string): Prisma.FeedbackMessageWhereInput => ({
  AND: [{ curatorId, menteeId }, feedbackThreadsWhere(actor)],
});

/**
 * The private thread of a curator and a mentee, newest page first (shown oldest first), with a
 * cursor to page back. Reading writes nothing: marking read is its own request (`markFeedbackRead`).
 * The mentee keeps the thread after the mentorship ends; the curator's access ends with it.
 */
export async function getFeedbackThread(actor: Actor, curatorId: string, menteeId: string, options: { before?: string } = {}): Promise<FeedbackThread> {
  const thread = await loadThread(actor, curatorId, menteeId);
  authorize(actor, "read:feedback", thread.resource);
  const db = getDb();
  const scope = inThread(actor, curatorId, menteeId);
  // A cursor from another thread (or none) shows the newest page: each thread on a page ignores the others' cursors.
  const cursor = options.before
    ? await db.feedbackMessage.findFirst({ where: { AND: [scope, { id: options.before }] }, select: { id: true, createdAt: true } })
    : null;
  const [rows, unread] = await Promise.all([
    db.feedbackMessage.findMany({
      where: cursor ? { AND: [scope, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : scope,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: THREAD_PAGE_SIZE + 1,
      include: { author: { select: { name: true } } },
    }),
    db.feedbackMessage.count({ where: { AND: [scope, { authorId: { not: actor.id }, readAt: null }] } }),
  ]);
  const page = rows.slice(0, THREAD_PAGE_SIZE).reverse();
  return {
    curator: thread.curator,
    mentee: thread.mentee,
    canWrite: can(actor, "write:feedback", thread.resource),
    messages: page.map((m) => ({
      id: m.id,
      mine: m.authorId === actor.id,
      authorName: m.author.name,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      read: m.readAt !== null,
    })),
    earlierCursor: rows.length > THREAD_PAGE_SIZE ? (page[0]?.id ?? null) : null,
    paged: cursor !== null,
    hasUnread: unread > 0,
    newestId: page.at(-1)?.id ?? null,
  };
}

/**
 * Marks the other person's messages read, up to the given message (the newest one the reader was
 * shown) or all of them. Idempotent: messages already read keep their first read time.
 */
export async function markFeedbackRead(actor: Actor, curatorId: string, menteeId: string, upTo?: string, now = new Date()): Promise<{ read: number }> {
  const thread = await loadThread(actor, curatorId, menteeId);
  authorize(actor, "read:feedback", thread.resource);
  const db = getDb();
  const scope = inThread(actor, curatorId, menteeId);
  const limit = upTo ? await db.feedbackMessage.findFirst({ where: { AND: [scope, { id: upTo }] }, select: { createdAt: true } }) : null;
  if (upTo && !limit) throw new AppError("not_found", "errors.notFound");
  const { count } = await db.feedbackMessage.updateMany({
    where: { AND: [scope, { authorId: { not: actor.id }, readAt: null }, limit ? { createdAt: { lte: limit.createdAt } } : {}] },
    data: { readAt: now },
  });
  return { read: count };
}

/** Adds a message to the thread and notifies the other person; client personal data is refused. */
export async function postFeedback(actor: Actor, curatorId: string, menteeId: string, body: string) {
  const thread = await loadThread(actor, curatorId, menteeId);
  authorize(actor, "write:feedback", thread.resource);
  const text = body.trim();
  if (!text) throw new AppError("validation_failed", "errors.validation", { body: ["errors.messageEmpty"] });
  if (findPersonalData(text).length) throw new AppError("validation_failed", "errors.validation", { body: ["errors.personalDataInMessage"] });
  const recipient = actor.id === curatorId ? menteeId : curatorId;
  return getDb().$transaction(async (tx) => {
    const row = await tx.feedbackMessage.create({ data: { curatorId, menteeId, authorId: actor.id, body: text }, select: { id: true } });
    const author = actor.id === curatorId ? thread.curator.name : thread.mentee.name;
    await notify(
      tx,
      recipient,
      "feedback.message",
      { actorName: author },
      recipient === curatorId ? `/curator/mentees/${menteeId}#feedback` : "/my-curator#feedback",
    );
    return { id: row.id };
  });
}

/** Unread messages for the actor across their threads (for the curator's caseload and the mentee's page). */
export async function unreadFeedbackCounts(actor: Actor, menteeIds: string[]): Promise<Map<string, number>> {
  const rows = await getDb().feedbackMessage.groupBy({
    by: ["menteeId"],
    where: { curatorId: actor.id, menteeId: { in: menteeIds }, authorId: { not: actor.id }, readAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.menteeId, r._count._all]));
}

/** Curators the learner had before and wrote with: their threads stay readable for the learner. */
export async function formerCurators(actor: Actor): Promise<string[]> {
  const db = getDb();
  const [threads, pairs] = await Promise.all([
    db.feedbackMessage.findMany({ where: { menteeId: actor.id }, distinct: ["curatorId"], select: { curatorId: true } }),
    db.mentorship.findMany({ where: { menteeId: actor.id }, select: { curatorId: true, endedAt: true } }),
  ]);
  const current = new Set(pairs.filter((p) => p.endedAt === null).map((p) => p.curatorId));
  const paired = new Set(pairs.map((p) => p.curatorId));
  return threads.map((t) => t.curatorId).filter((id) => paired.has(id) && !current.has(id));
}
