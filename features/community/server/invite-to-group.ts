import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { loadGroupForMember } from "./load-group";
import { notifyGroup } from "./notify-groups";

/**
 * The group's owner invites a person they may invite (their mentees, people of their hromada, a
 * methodologist's region: "invite:community-group", facts loaded here). One pending invitation or
 * request per person per group (a partial unique index): a second answers 409. The person is notified.
 */
export async function inviteToGroup(actor: Actor, slug: string, userId: string) {
  const group = await loadGroupForMember(actor, slug);
  authorize(actor, "manage:community-group", group.resource);
  const db = getDb();
  const person = await db.user.findFirst({
    where: { id: userId, status: "ACTIVE" },
    select: {
      id: true,
      organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } },
      curators: { where: { endedAt: null }, select: { curatorId: true } },
      spaceMemberships: { where: { spaceId: group.id }, select: { id: true } },
    },
  });
  if (!person) throw new AppError("not_found", "errors.userNotFound");
  authorize(actor, "invite:community-group", {
    space: group.resource,
    invitee: {
      userId: person.id,
      regionId: person.organization.hromada.regionId,
      hromadaId: person.organization.hromadaId,
      curatorIds: person.curators.map((c) => c.curatorId),
    },
  });
  if (person.spaceMemberships.length > 0) throw new AppError("conflict", "errors.alreadyGroupMember");
  try {
    return await db.$transaction(async (tx) => {
      const admission = await tx.groupAdmission.create({
        data: { spaceId: group.id, userId: person.id, kind: "INVITATION", invitedById: actor.id },
        select: { id: true },
      });
      await notifyGroup(tx, actor, person.id, "group.invited", group, "/community#invitations");
      return { id: admission.id };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
