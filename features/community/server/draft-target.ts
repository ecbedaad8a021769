import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import type { DraftKind } from "../draft-schemas";
import { loadSpace } from "./load-space";
import { loadThread } from "./load-thread";
import { loadPost } from "./load-post";

export type DraftRowKind = "THREAD" | "REPLY" | "EDIT";
export type DraftTarget = { kind: DraftRowKind; targetId: string };

const ROW_KIND: Record<DraftKind, DraftRowKind> = { thread: "THREAD", reply: "REPLY", edit: "EDIT" };

/**
 * The target of a draft the actor is about to save, checked like the post it will become: a new
 * thread needs a space they may post in, a reply an open thread they may post in, an edit a post
 * they may still edit. 404/403 as for the target itself.
 */
export async function loadWritableDraftTarget(actor: Actor, kind: DraftKind, target: string, now = new Date()): Promise<DraftTarget> {
  if (kind === "thread") {
    const space = await loadSpace(actor, target);
    authorize(actor, "post:community-space", space.resource);
    return { kind: "THREAD", targetId: space.id };
  }
  if (kind === "reply") {
    const thread = await loadThread(actor, target);
    authorize(actor, "post:community-space", thread.space.resource);
    if (thread.lockedAt) throw new AppError("conflict", "errors.threadLocked");
    return { kind: "REPLY", targetId: thread.id };
  }
  const post = await loadPost(actor, target, now);
  authorize(actor, "edit:community-post", { authorId: post.authorId, space: post.thread.space.resource, withinEditWindow: post.withinEditWindow });
  if (post.deletedAt) throw new AppError("conflict", "errors.postRemoved");
  return { kind: "EDIT", targetId: post.id };
}

/**
 * The key of one's own draft, for reading it back or deleting it. No access check: the rows are the
 * actor's own (their id is in every query), and someone who left a group may still take their text
 * with them. A new thread's draft is kept under the space's id, found here by slug.
 */
export async function ownDraftKey(kind: DraftKind, target: string): Promise<DraftTarget | null> {
  if (kind !== "thread") return { kind: ROW_KIND[kind], targetId: target };
  const space = await getDb().communitySpace.findUnique({ where: { slug: target }, select: { id: true } });
  return space ? { kind: "THREAD", targetId: space.id } : null;
}
