import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { assessmentsWhere, authorize, type Actor } from "@/server/authz/policy";
import type { TReviewCreate } from "../schemas";

/** A curator confirms or comments on one self-rating of a current mentee's submitted assessment. */
export async function reviewRating(actor: Actor, assessmentId: string, input: TReviewCreate): Promise<{ id: string }> {
  const db = getDb();
  const assessment = await db.assessment.findFirst({
    where: { AND: [{ id: assessmentId, status: "SUBMITTED" }, assessmentsWhere(actor)] },
    select: {
      userId: true,
      ratings: { where: { itemType: input.itemType, itemId: input.itemId }, select: { level: true } },
      user: { select: { curators: { where: { endedAt: null }, select: { curatorId: true } } } },
    },
  });
  if (!assessment) throw new AppError("not_found", "errors.assessmentNotFound");
  authorize(actor, "review:assessment", { ownerId: assessment.userId, curatorIds: assessment.user.curators.map((c) => c.curatorId) });
  if (assessment.ratings.length === 0) throw new AppError("not_found", "errors.ratingNotFound", { itemId: ["errors.ratingNotFound"] });
  const review = await db.ratingReview.upsert({
    where: { assessmentId_itemType_itemId_curatorId: { assessmentId, itemType: input.itemType, itemId: input.itemId, curatorId: actor.id } },
    create: { assessmentId, itemType: input.itemType, itemId: input.itemId, curatorId: actor.id, confirmed: input.confirmed, comment: input.comment || null },
    update: { confirmed: input.confirmed, comment: input.comment || null, createdAt: new Date() },
    select: { id: true },
  });
  return review;
}
