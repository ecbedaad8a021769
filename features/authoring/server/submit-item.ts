import "server-only";
import { getDb } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { notify } from "@/features/notifications/server/notify";
import type { AuthoredKind } from "../schemas";
import { checkDraftText } from "./check-draft";
import { itemTitle } from "./item-title";
import { loadItemForWriting } from "./load-item";
import { unfinishedProblemsError } from "./problems-error";

/**
 * Sends the draft (at the revision the author saw) to the region's other methodologists for
 * review. Only a text with no problem at all goes: the reviewer judges the content, not typos of
 * the syntax. Compare-and-set on the revision: a draft changed since answers 409.
 */
export async function submitForReview(actor: SessionUser, itemId: string, revision: number, now = new Date()): Promise<{ revision: number }> {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, itemId);
  if (item.stage !== "DRAFT") throw new AppError("conflict", "errors.authoringInReview");
  const check = await checkDraftText(actor, { id: item.id, kind: item.kind as AuthoredKind }, item.draftText);
  if (!check.checked) throw unfinishedProblemsError(check.problems);
  return db.$transaction(async (tx) => {
    const updated = await tx.authoredItem.updateMany({
      where: { id: item.id, stage: "DRAFT", draftRevision: revision },
      data: { stage: "IN_REVIEW", submittedById: actor.id, submittedAt: now, draftRevision: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("conflict", "errors.authoringStale");
    const reviewers = await tx.user.findMany({
      where: {
        id: { not: actor.id },
        status: "ACTIVE",
        ...(item.regionId === null
          ? { roles: { some: { role: "ADMIN" } } }
          : { roles: { some: { role: "METHODOLOGIST" } }, organization: { hromada: { regionId: item.regionId } } }),
      },
      select: { id: true },
      take: 50,
    });
    const title = itemTitle(item);
    for (const reviewer of reviewers)
      await notify(tx, reviewer.id, "authoring.submitted", { actorName: actor.name, itemTitle: title }, `/authoring/${item.id}`);
    return { revision: revision + 1 };
  });
}

/** The author takes a draft back from review to change it (only while nobody has decided). */
export async function withdrawFromReview(actor: SessionUser, itemId: string, revision: number): Promise<{ revision: number }> {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, itemId);
  const updated = await db.authoredItem.updateMany({
    where: { id: item.id, stage: "IN_REVIEW", draftRevision: revision },
    data: { stage: "DRAFT", submittedById: null, submittedAt: null, draftRevision: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("conflict", "errors.authoringDecided");
  return { revision: revision + 1 };
}
