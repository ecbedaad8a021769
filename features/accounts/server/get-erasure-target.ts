import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, usersWhere, type Actor } from "@/server/authz/policy";

export type ErasureTarget = {
  id: string;
  name: string;
  email: string;
  organization: string;
  erased: boolean;
  /** What stays, anonymised, so the admin knows what the erasure keeps (decision 051). */
  kept: { assessments: number; posts: number; learningDays: number };
};

/**
 * The person an admin is about to erase, for the confirmation page: 404 outside the admin's view
 * of people, 403 for anyone who may not erase them (not an admin, or themselves).
 */
export async function getErasureTarget(actor: Actor, userId: string): Promise<ErasureTarget> {
  const db = getDb();
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, usersWhere(actor)] },
    select: { id: true, name: true, email: true, status: true, organization: { select: { name: true } } },
  });
  if (!target) throw new AppError("not_found", "errors.userNotFound");
  authorize(actor, "erase:user", { userId: target.id });
  const [assessments, posts, learningDays] = await Promise.all([
    db.assessment.count({ where: { userId, status: "SUBMITTED" } }),
    db.post.count({ where: { authorId: userId } }),
    db.activityDay.count({ where: { userId } }),
  ]);
  return {
    id: target.id,
    name: target.name,
    email: target.email,
    organization: target.organization.name,
    erased: target.status === "ERASED",
    kept: { assessments, posts, learningDays },
  };
}
