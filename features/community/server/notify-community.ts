import "server-only";
import type { Prisma } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { notify } from "@/features/notifications/server/notify";

async function actorName(tx: Prisma.TransactionClient, actor: Actor): Promise<string> {
  return (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name;
}

export const postHref = (threadId: string, postId: string) => `/community/t/${threadId}#post-${postId}`;

/** Tells the mentioned readers (never the author themselves) that they were mentioned. */
export async function notifyMentions(tx: Prisma.TransactionClient, actor: Actor, thread: { id: string; title: string }, postId: string, userIds: string[]) {
  const others = userIds.filter((id) => id !== actor.id);
  if (!others.length) return;
  const name = await actorName(tx, actor);
  for (const userId of others) await notify(tx, userId, "community.mention", { actorName: name, threadTitle: thread.title }, postHref(thread.id, postId));
}

/**
 * Tells the thread's followers (who did not mute it, were not mentioned in this post and are not
 * the author) about a reply. Followers who can no longer read the space (left a group, moved
 * region) are skipped by `stillReads`.
 */
export async function notifyFollowers(
  tx: Prisma.TransactionClient,
  actor: Actor,
  thread: { id: string; title: string },
  postId: string,
  skip: string[],
  readersWhere: Prisma.UserWhereInput,
) {
  const followers = await tx.threadFollow.findMany({
    where: { threadId: thread.id, muted: false, userId: { notIn: [actor.id, ...skip] }, user: readersWhere },
    select: { userId: true },
  });
  if (!followers.length) return;
  const name = await actorName(tx, actor);
  for (const f of followers) await notify(tx, f.userId, "community.reply", { actorName: name, threadTitle: thread.title }, postHref(thread.id, postId));
}

export async function notifyAccepted(
  tx: Prisma.TransactionClient,
  actor: Actor,
  thread: { id: string; title: string },
  postId: string,
  answerAuthorId: string,
) {
  if (answerAuthorId === actor.id) return;
  await notify(tx, answerAuthorId, "community.accepted", { actorName: await actorName(tx, actor), threadTitle: thread.title }, postHref(thread.id, postId));
}

/** Tells a post's author that a moderator hid or restored it, or that flags hid it until a moderator decides (the reason is on the post's page). */
export async function notifyPostModerated(
  tx: Prisma.TransactionClient,
  kind: "community.postHidden" | "community.postRestored" | "community.postAutoHidden",
  authorId: string,
  moderatorName: string,
  thread: { id: string; title: string },
  postId: string,
) {
  await notify(tx, authorId, kind, { actorName: moderatorName, threadTitle: thread.title }, postHref(thread.id, postId));
}
