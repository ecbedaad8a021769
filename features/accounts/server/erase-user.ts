import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, usersWhere, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";
import { forgetPersonReferences } from "@/features/community/server/forget-person-references";
import { lockWorkshop } from "@/features/workshops/server/load-workshop";
import { promoteWaitlisted } from "@/features/workshops/server/promote";
import { ERASED_NAME, erasedEmail, erasedHandle } from "../erased";

export type ErasureResult = { erased: true; userId: string };

/** A large account (years of notifications and posts) is erased in one transaction; give it time. */
const ERASURE_TIMEOUT_MS = 60_000;

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Erases a person's account on request (decision 051), in one transaction. The row stays as an
 * anonymous tombstone (status ERASED, a neutral name, an address and a handle that reach nobody,
 * no password, no roles), so their submitted assessments, learning activity, workshop attendance
 * and forum posts keep their place and every regional figure stays as it was. Whatever identifies
 * or reaches them, or is theirs alone, goes: sessions, second factors, reset links, invitations and
 * mail to their address, notifications, drafts, their threads with curators, curator requests,
 * memberships and follows, the notes on their self-ratings and the curators' comments on them.
 * Mentorships end. Other people's posts stop naming them.
 *
 * Admins only, never themselves, after typing the person's e-mail address. The status is
 * compare-and-set (ACTIVE or DISABLED → ERASED) as the transaction's first write, so of two
 * erasures at once exactly one happens and the other is told the account is already erased.
 */
export async function eraseUser(actor: Actor, userId: string, confirmEmail: string, now = new Date()): Promise<ErasureResult> {
  const db = getDb();
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersWhere(actor)] },
    select: { id: true, email: true, status: true, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  if (!target) throw new AppError("not_found", "errors.userNotFound");
  authorize(actor, "erase:user", { userId: target.id });
  if (target.status === "ERASED") throw new AppError("conflict", "errors.userAlreadyErased");
  if (!sameAddress(confirmEmail, target.email)) {
    throw new AppError("validation_failed", "errors.validation", { email: ["errors.erasureEmailMismatch"] });
  }
  const regionId = target.organization.hromada.regionId;

  await db.$transaction(
    async (tx) => {
      // The one way in: whoever changes the status first erases; a second erasure finds nothing to change.
      const { count } = await tx.user.updateMany({
        where: { id: userId, status: { not: "ERASED" } },
        data: { status: "ERASED", erasedAt: now, passwordHash: null, sessionVersion: { increment: 1 } },
      });
      if (count !== 1) throw new AppError("conflict", "errors.userAlreadyErased");
      // Read under the row lock the update took: the name and address as they are at erasure.
      const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, handle: true } });

      // Signing in, and whatever reaches the person.
      await tx.userRole.deleteMany({ where: { userId } });
      await tx.userSession.deleteMany({ where: { userId } });
      await tx.passwordResetToken.deleteMany({ where: { userId } });
      await tx.secondFactor.deleteMany({ where: { userId } });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.idempotencyRecord.deleteMany({ where: { userId } });
      await tx.invitation.deleteMany({ where: { email: { equals: person.email, mode: "insensitive" } } });
      await tx.outboxMail.deleteMany({ where: { to: { equals: person.email, mode: "insensitive" } } });
      await tx.signInFailure.deleteMany({ where: { email: { equals: person.email, mode: "insensitive" } } });
      await tx.notification.deleteMany({ where: { userId } });

      // Their curators: the threads about them go, with both sides' messages; their requests go;
      // requests still waiting for them as a curator are declined, so the learner can ask another.
      await tx.feedbackMessage.deleteMany({ where: { menteeId: userId } });
      await tx.curatorRequest.deleteMany({ where: { learnerId: userId } });
      await tx.curatorRequest.updateMany({ where: { curatorId: userId, decidedAt: null }, data: { decidedAt: now, accepted: false } });
      await tx.mentorship.updateMany({ where: { OR: [{ menteeId: userId }, { curatorId: userId }], endedAt: null }, data: { endedAt: now } });
      await tx.assignment.deleteMany({ where: { learnerId: userId } });

      // Self-assessments: a draft is nobody's figure and goes; submitted ones stay for the aggregates,
      // without the person's own notes and without curators' comments about them.
      await tx.assessment.deleteMany({ where: { userId, status: "DRAFT" } });
      await tx.ratingReview.deleteMany({ where: { assessment: { userId } } });
      await tx.assessmentRating.updateMany({ where: { assessment: { userId }, note: { not: null } }, data: { note: null } });

      // Communities: private state goes; posts stay, shown as a former member's.
      await tx.postDraft.deleteMany({ where: { userId } });
      await tx.threadRead.deleteMany({ where: { userId } });
      await tx.threadFollow.deleteMany({ where: { userId } });
      await tx.spaceMember.deleteMany({ where: { userId } });
      await tx.groupAdmission.deleteMany({ where: { userId } });
      await forgetPersonReferences(tx, person);

      // A seat at a workshop still to come is given up (to the first person waiting); attendance of past ones stays.
      const upcoming = await tx.workshopRegistration.findMany({
        where: { userId, status: { not: "CANCELLED" }, workshop: { startsAt: { gt: now } } },
        select: { id: true, status: true, workshopId: true },
      });
      for (const registration of upcoming) {
        await lockWorkshop(tx, registration.workshopId);
        const { count: freed } = await tx.workshopRegistration.updateMany({
          where: { id: registration.id, status: registration.status },
          data: { status: "CANCELLED", cancelledAt: now },
        });
        if (freed !== 1 || registration.status !== "REGISTERED") continue;
        const workshop = await tx.workshop.findUniqueOrThrow({
          where: { id: registration.workshopId },
          select: { id: true, title: true, startsAt: true, capacity: true, cancelledAt: true, createdById: true },
        });
        if (workshop.cancelledAt) continue;
        const organiser = await tx.user.findUniqueOrThrow({ where: { id: workshop.createdById }, select: { name: true } });
        const taken = await tx.workshopRegistration.count({ where: { workshopId: workshop.id, status: "REGISTERED" } });
        await promoteWaitlisted(tx, workshop, workshop.capacity - taken, organiser.name);
      }

      // Notifications other people keep name the person only by the name they had.
      await tx.$executeRaw`
        UPDATE "Notification" SET "data" = jsonb_set("data", '{actorName}', to_jsonb(${ERASED_NAME}::text))
         WHERE "data" ->> 'actorName' = ${person.name}`;

      await tx.user.update({
        where: { id: userId },
        data: {
          name: ERASED_NAME,
          email: erasedEmail(userId),
          handle: erasedHandle(userId),
          position: "",
          locale: "uk",
          lowData: "auto",
          digest: null,
          digestSentAt: null,
          lockedAt: null,
          failedSignIns: 0,
        },
      });
      await recordAudit(tx, { actorId: actor.id, action: "user.erased", targetType: "User", targetId: userId, regionId });
    },
    { timeout: ERASURE_TIMEOUT_MS },
  );
  return { erased: true, userId };
}
