import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";
import { findPersonalData } from "@/features/privacy/personal-data";
import { notify } from "@/features/notifications/server/notify";
import { findPairingConflicts, lockUsers } from "./mentorships";

export type CuratorChoice = {
  id: string;
  name: string;
  position: string;
  organization: string;
  sameHromada: boolean;
  mentees: number;
  capacity: number;
  full: boolean;
};

/** Curators a learner may ask: their region's, those of their own hromada first, with their load. */
export async function curatorsToAsk(
  actor: Actor,
): Promise<{ curators: CuratorChoice[]; pending: { curatorName: string; createdAt: string } | null; hasCurator: boolean }> {
  authorize(actor, "request:curator", { regionId: actor.regionId });
  const db = getDb();
  const [curators, pending, current] = await Promise.all([
    db.user.findMany({
      where: { id: { not: actor.id }, status: "ACTIVE", roles: { some: { role: "CURATOR" } }, organization: { hromada: { regionId: actor.regionId } } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        position: true,
        curatorCapacity: true,
        organization: { select: { name: true, hromadaId: true } },
        _count: { select: { mentees: { where: { endedAt: null } } } },
      },
    }),
    db.curatorRequest.findFirst({ where: { learnerId: actor.id, decidedAt: null }, select: { createdAt: true, curator: { select: { name: true } } } }),
    db.mentorship.count({ where: { menteeId: actor.id, endedAt: null } }),
  ]);
  const choices = curators.map((c) => ({
    id: c.id,
    name: c.name,
    position: c.position,
    organization: c.organization.name,
    sameHromada: c.organization.hromadaId === actor.hromadaId,
    mentees: c._count.mentees,
    capacity: c.curatorCapacity,
    full: c._count.mentees >= c.curatorCapacity,
  }));
  choices.sort((a, b) => Number(b.sameHromada) - Number(a.sameHromada));
  return {
    curators: choices,
    pending: pending ? { curatorName: pending.curator.name, createdAt: pending.createdAt.toISOString() } : null,
    hasCurator: current > 0,
  };
}

/** A learner without a curator asks one of their region (one request at a time, not to a full curator). */
export async function requestCurator(actor: Actor, curatorId: string, message: string | undefined) {
  const db = getDb();
  const curator = await db.user.findFirst({
    where: { id: curatorId, status: "ACTIVE", roles: { some: { role: "CURATOR" } } },
    select: {
      id: true,
      curatorCapacity: true,
      organization: { select: { hromada: { select: { regionId: true } } } },
      _count: { select: { mentees: { where: { endedAt: null } } } },
    },
  });
  if (!curator || curator.id === actor.id || curator.organization.hromada.regionId !== actor.regionId) throw new AppError("not_found", "errors.curatorUnknown");
  authorize(actor, "request:curator", { regionId: curator.organization.hromada.regionId });
  if (await db.mentorship.count({ where: { menteeId: actor.id, endedAt: null } })) throw new AppError("conflict", "errors.alreadyHaveCurator");
  if (await db.curatorRequest.count({ where: { learnerId: actor.id, decidedAt: null } })) throw new AppError("conflict", "errors.requestPending");
  if (curator._count.mentees >= curator.curatorCapacity) throw new AppError("conflict", "errors.curatorFull");
  const text = message?.trim() || null;
  if (text && findPersonalData(text).length) throw new AppError("validation_failed", "errors.validation", { message: ["errors.personalDataInComment"] });
  try {
    return await db.$transaction(async (tx) => {
      const learner = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
      // A second request racing this one meets the unique index on pending requests: 409.
      const row = await tx.curatorRequest.create({ data: { learnerId: actor.id, curatorId, message: text }, select: { id: true } });
      await notify(tx, curatorId, "request.new", { actorName: learner.name }, "/curator#requests");
      return { id: row.id };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}

/** Requests waiting for the curator's answer. */
export async function pendingRequests(actor: Actor) {
  const rows = await getDb().curatorRequest.findMany({
    where: { curatorId: actor.id, decidedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, message: true, createdAt: true, learner: { select: { name: true, position: true, organization: { select: { name: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    name: r.learner.name,
    position: r.learner.position,
    organization: r.learner.organization.name,
  }));
}

/**
 * The curator accepts (within capacity, if the learner is still an active learner without a
 * curator) or declines; the learner is told either way. A request is decided once: the decision
 * is a compare-and-set on the undecided request, so a second, concurrent answer gets 409.
 */
export async function decideRequest(actor: Actor, requestId: string, accept: boolean, now = new Date()) {
  const db = getDb();
  const request = await db.curatorRequest.findUnique({
    where: { id: requestId },
    select: {
      curatorId: true,
      learnerId: true,
      decidedAt: true,
      curator: { select: { name: true } },
      learner: { select: { organization: { select: { hromada: { select: { regionId: true } } } } } },
    },
  });
  if (!request) throw new AppError("not_found", "errors.requestNotFound");
  authorize(actor, "decide:curator-request", { curatorId: request.curatorId });
  if (request.decidedAt) throw new AppError("conflict", "errors.requestDecided");
  try {
    return await db.$transaction(async (tx) => {
      // Accepting pairs: wait for any other pairing of these two people, as assignMentees does.
      if (accept) await lockUsers(tx, [request.curatorId, request.learnerId]);
      const decided = await tx.curatorRequest.updateMany({ where: { id: requestId, decidedAt: null }, data: { decidedAt: now, accepted: accept } });
      if (decided.count === 0) throw new AppError("conflict", "errors.requestDecided");
      if (accept) {
        const [conflict] = await findPairingConflicts(tx, [{ line: 1, curatorId: request.curatorId, menteeId: request.learnerId }]);
        if (conflict) throw new AppError("conflict", conflict.message);
        const mentorship = await tx.mentorship.create({ data: { curatorId: request.curatorId, menteeId: request.learnerId }, select: { id: true } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "mentorship.started",
          targetType: "Mentorship",
          targetId: mentorship.id,
          regionId: request.learner.organization.hromada.regionId,
          detail: { curatorId: request.curatorId, menteeId: request.learnerId, via: "request" },
        });
      }
      await notify(tx, request.learnerId, accept ? "request.accepted" : "request.declined", { actorName: request.curator.name }, "/my-curator");
      return { accepted: accept };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}
