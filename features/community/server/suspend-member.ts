import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, can, type Actor, type CommunitySpaceResource } from "@/server/authz/policy";
import { loadSpace } from "./load-space";
import { recordModeration } from "./record-moderation";

/** The facts about the person to suspend: their roles and region, and their membership of a group. */
async function targetFacts(userId: string, spaceId: string | null) {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      organizationId: true,
      roles: { select: { role: true } },
      organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } },
      spaceMemberships: { where: { spaceId: spaceId ?? "" }, select: { userId: true } },
    },
  });
  if (!user) throw new AppError("not_found", "errors.userNotFound");
  const asActor: Actor = {
    id: user.id,
    roles: user.roles.map((r) => r.role),
    organizationId: user.organizationId,
    hromadaId: user.organization.hromadaId,
    regionId: user.organization.hromada.regionId,
  };
  return { actor: asActor, isMember: user.spaceMemberships.length > 0 };
}

/**
 * A moderator suspends a person from posting in a space (an admin also everywhere: `space`
 * omitted) until a time, with a reason shown to them. Nobody suspends themselves or a fellow
 * moderator of the space. The write functions read active suspensions inside their transactions.
 */
export async function suspendMember(
  actor: Actor,
  input: { userId: string; space?: string; days: number; reason: string },
  now = new Date(),
): Promise<{ id: string; endsAt: string }> {
  const space = input.space ? await loadSpace(actor, input.space) : null;
  const { actor: target, isMember } = await targetFacts(input.userId, space?.id ?? null);
  // The space's facts as they are for the target (the actor's own membership is what `space.resource` holds).
  const targetSpace: CommunitySpaceResource | null = space ? { ...space.resource, memberIds: isMember ? [target.id] : [] } : null;
  const targetModerates = targetSpace ? can(target, "moderate:community-space", targetSpace) : target.roles.includes("ADMIN");
  authorize(actor, "suspend:community-member", { userId: target.id, space: space?.resource ?? null, targetModerates });
  const endsAt = new Date(now.getTime() + input.days * 24 * 3600_000);
  const reason = input.reason.trim();
  return getDb().$transaction(async (tx) => {
    const row = await tx.communitySuspension.create({
      data: { userId: target.id, spaceId: space?.id ?? null, reason, createdById: actor.id, createdAt: now, endsAt },
      select: { id: true },
    });
    // A suspension everywhere belongs to no space: admins read it on the moderation overview.
    await recordModeration(tx, { spaceId: space?.id ?? null, actorId: actor.id, action: "SUSPEND", targetUserId: target.id, reason }, now);
    return { id: row.id, endsAt: endsAt.toISOString() };
  });
}

/** A moderator of the suspension's space (an admin for one everywhere) lifts it early, with a reason. */
export async function liftSuspension(actor: Actor, suspensionId: string, input: { reason: string }, now = new Date()): Promise<{ lifted: boolean }> {
  const row = await getDb().communitySuspension.findUnique({
    where: { id: suspensionId },
    select: { id: true, userId: true, liftedAt: true, endsAt: true, space: { select: { slug: true } } },
  });
  if (!row) throw new AppError("not_found", "errors.communityNotFound");
  const space = row.space ? await loadSpace(actor, row.space.slug) : null;
  authorize(actor, "suspend:community-member", { userId: row.userId, space: space?.resource ?? null, targetModerates: false });
  const reason = input.reason.trim();
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.communitySuspension.updateMany({ where: { id: row.id, liftedAt: null, endsAt: { gt: now } }, data: { liftedAt: now } });
    if (count > 0) await recordModeration(tx, { spaceId: space?.id ?? null, actorId: actor.id, action: "LIFT", targetUserId: row.userId, reason }, now);
    return { lifted: count > 0 };
  });
}
