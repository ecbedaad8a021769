import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, can, type Actor } from "@/server/authz/policy";
import { findPersonalData } from "@/features/privacy/personal-data";
import { notify } from "@/features/notifications/server/notify";

export type FeedbackThread = {
  curator: { id: string; name: string };
  mentee: { id: string; name: string };
  canWrite: boolean;
  /** `read`: for one's own messages, whether the other person has opened them; for theirs, whether one had before this visit (new ones are unread). */
  messages: { id: string; mine: boolean; authorName: string; body: string; createdAt: string; read: boolean }[];
};

async function pair(curatorId: string, menteeId: string) {
  const db = getDb();
  const [current, curator, mentee] = await Promise.all([
    db.mentorship.findFirst({ where: { curatorId, menteeId, endedAt: null }, select: { id: true } }),
    db.user.findUnique({ where: { id: curatorId }, select: { id: true, name: true } }),
    db.user.findUnique({ where: { id: menteeId }, select: { id: true, name: true } }),
  ]);
  if (!curator || !mentee) throw new AppError("not_found", "errors.threadNotFound");
  return { current: current !== null, curator, mentee };
}

/**
 * The private thread of a curator and a mentee. Opening it marks the other person's messages read.
 * The mentee keeps it after the mentorship ends; the curator's access ends with the mentorship.
 */
export async function getFeedbackThread(actor: Actor, curatorId: string, menteeId: string, now = new Date()): Promise<FeedbackThread> {
  const p = await pair(curatorId, menteeId);
  authorize(actor, "read:feedback", { curatorId, menteeId, current: p.current });
  const db = getDb();
  const rows = await db.feedbackMessage.findMany({ where: { curatorId, menteeId }, orderBy: { createdAt: "asc" }, take: 500, include: { author: { select: { name: true } } } });
  await db.feedbackMessage.updateMany({ where: { curatorId, menteeId, authorId: { not: actor.id }, readAt: null }, data: { readAt: now } });
  return {
    curator: p.curator,
    mentee: p.mentee,
    canWrite: can(actor, "write:feedback", { curatorId, menteeId, current: p.current }),
    messages: rows.map((m) => ({ id: m.id, mine: m.authorId === actor.id, authorName: m.author.name, body: m.body, createdAt: m.createdAt.toISOString(), read: m.readAt !== null })),
  };
}

/** Adds a message to the thread and notifies the other person; client personal data is refused. */
export async function postFeedback(actor: Actor, curatorId: string, menteeId: string, body: string) {
  const p = await pair(curatorId, menteeId);
  authorize(actor, "write:feedback", { curatorId, menteeId, current: p.current });
  const text = body.trim();
  if (!text) throw new AppError("validation_failed", "errors.validation", { body: ["errors.messageEmpty"] });
  if (findPersonalData(text).length) throw new AppError("validation_failed", "errors.validation", { body: ["errors.personalDataInMessage"] });
  const recipient = actor.id === curatorId ? menteeId : curatorId;
  return getDb().$transaction(async (tx) => {
    const row = await tx.feedbackMessage.create({ data: { curatorId, menteeId, authorId: actor.id, body: text }, select: { id: true } });
    const author = actor.id === curatorId ? p.curator.name : p.mentee.name;
    await notify(tx, recipient, "feedback.message", { actorName: author }, recipient === curatorId ? `/curator/mentees/${menteeId}#feedback` : "/my-curator#feedback");
    return { id: row.id };
  });
}

/** Unread messages for the actor across their threads (for the curator's caseload and the mentee's page). */
export async function unreadFeedbackCounts(actor: Actor, menteeIds: string[]): Promise<Map<string, number>> {
  const rows = await getDb().feedbackMessage.groupBy({ by: ["menteeId"], where: { curatorId: actor.id, menteeId: { in: menteeIds }, authorId: { not: actor.id }, readAt: null }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.menteeId, r._count._all]));
}

/** Curators the learner had before and wrote with: their threads stay readable for the learner. */
export async function formerCurators(actor: Actor): Promise<string[]> {
  const db = getDb();
  const [threads, current] = await Promise.all([
    db.feedbackMessage.findMany({ where: { menteeId: actor.id }, distinct: ["curatorId"], select: { curatorId: true } }),
    db.mentorship.findMany({ where: { menteeId: actor.id, endedAt: null }, select: { curatorId: true } }),
  ]);
  const now = new Set(current.map((c) => c.curatorId));
  return threads.map((t) => t.curatorId).filter((id) => !now.has(id));
}
