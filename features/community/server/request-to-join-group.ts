import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadGroup } from "./load-group";
import { notifyGroup } from "./notify-groups";

/**
 * A person who sees that a group exists asks to join it; the owner is notified and decides. One
 * pending request or invitation per person per group (409 for a second).
 */
export async function requestToJoinGroup(actor: Actor, slug: string) {
  const group = await loadGroup(actor, slug);
  if (group.resource.memberIds.includes(actor.id)) throw new AppError("conflict", "errors.alreadyGroupMember");
  authorize(actor, "request:community-group", group.resource);
  try {
    return await getDb().$transaction(async (tx) => {
      const admission = await tx.groupAdmission.create({ data: { spaceId: group.id, userId: actor.id, kind: "REQUEST" }, select: { id: true } });
      await notifyGroup(tx, actor, group.ownerId, "group.requested", group, `/community/${group.slug}/members`);
      return { id: admission.id };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
