import "server-only";
import { getDb } from "@/server/db/client";
import { authorize } from "@/server/authz/policy";
import type { SessionUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { kyivDay } from "@/lib/kyiv-calendar";
import { kyivLocalToInstant } from "@/features/workshops/kyiv-time";
import { notify } from "@/features/notifications/server/notify";
import type { AuthoredKind } from "../schemas";
import { checkDraftText } from "./check-draft";
import { compileApproved } from "./compile-approved";
import { goLive, nextVersionNumber } from "./go-live";
import { itemTitle } from "./item-title";
import { itemResource, loadItemForWriting } from "./load-item";
import { unfinishedProblemsError } from "./problems-error";
import { versionMeta } from "./version-meta";

/**
 * A second methodologist of the region (an admin for a national item) returns the submitted draft
 * with a comment. Decided once: of two reviewers deciding at the same time, one wins (compare-and-set
 * on the stage and revision, and one review per submission in a unique index); the other gets 409.
 */
export async function returnForChanges(actor: SessionUser, itemId: string, input: { revision: number; comment: string }): Promise<{ revision: number }> {
  return getDb().$transaction(async (tx) => {
    const item = await loadItemForWriting(tx, actor, itemId, true);
    if (item.stage !== "IN_REVIEW" || item.draftRevision !== input.revision) throw new AppError("conflict", "errors.authoringDecided");
    authorize(actor, "review:authored-item", itemResource(item));
    await tx.authoredItem.update({ where: { id: item.id }, data: { stage: "DRAFT", submittedById: null, submittedAt: null, draftRevision: { increment: 1 } } });
    await tx.authoredReview.create({ data: { itemId: item.id, revision: input.revision, reviewerId: actor.id, decision: "RETURNED", comment: input.comment } });
    await notify(tx, item.submittedById!, "authoring.returned", { actorName: actor.name, itemTitle: itemTitle(item) }, `/authoring/${item.id}`);
    return { revision: input.revision + 1 };
  });
}

/** The instant a Kyiv calendar day starts; today or earlier means now. */
function publishInstant(day: string | undefined, now: Date): Date {
  if (!day || day <= kyivDay(now)) return now;
  return kyivLocalToInstant(`${day}T00:00`) ?? now;
}

/**
 * Approves the submitted draft: it is checked once more, compiled once into CompiledContent and
 * kept as a new version — published now, or on the chosen Kyiv day (a version already waiting for
 * its day is replaced by this one). Never by the person who submitted it (the policy, and a CHECK
 * in the database). Decided once, as `returnForChanges`.
 */
export async function approveForPublication(
  actor: SessionUser,
  itemId: string,
  input: { revision: number; publishOn?: string; comment?: string },
  now = new Date(),
): Promise<{ version: number; publishAt: Date; isLive: boolean }> {
  const db = getDb();
  const before = await loadItemForWriting(db, actor, itemId);
  if (before.stage !== "IN_REVIEW" || before.draftRevision !== input.revision) throw new AppError("conflict", "errors.authoringDecided");
  authorize(actor, "review:authored-item", itemResource(before));
  if (input.publishOn && input.publishOn > kyivDay(new Date(now.getTime() + 366 * 86_400_000)))
    throw new AppError("validation_failed", "errors.authoringPublishDateInvalid", { publishOn: ["errors.authoringPublishDateInvalid"] });
  const kind = before.kind as AuthoredKind;
  const check = await checkDraftText(actor, { id: before.id, kind }, before.draftText);
  if (!check.checked) throw unfinishedProblemsError(check.problems);
  // Compiled before the transaction (a compile takes a moment), keyed by the submission and the
  // text's hash: a lost race leaves only an unused row.
  const compiled = await compileApproved(kind, check.checked, `${before.id}.r${input.revision}`);
  const publishAt = publishInstant(input.publishOn, now);
  const isLive = publishAt.getTime() <= now.getTime();
  return db.$transaction(async (tx) => {
    const item = await loadItemForWriting(tx, actor, itemId, true);
    if (item.stage !== "IN_REVIEW" || item.draftRevision !== input.revision) throw new AppError("conflict", "errors.authoringDecided");
    authorize(actor, "review:authored-item", itemResource(item));
    const number = await nextVersionNumber(tx, item.id);
    await tx.authoredVersion.deleteMany({ where: { itemId: item.id, publishedAt: null } });
    await tx.authoredVersion.create({
      data: {
        itemId: item.id,
        number,
        text: item.draftText,
        title: itemTitle(item),
        summary: kind === "note" ? item.draftSummary : (check.checked!.source as { frontmatter: { summary: string } }).frontmatter.summary,
        meta: versionMeta(check.checked!, compiled, item.noteKind),
        compiledKey: compiled.key,
        submittedById: item.submittedById!,
        approvedById: actor.id,
        publishAt,
      },
    });
    await tx.authoredItem.update({ where: { id: item.id }, data: { stage: "DRAFT", submittedById: null, submittedAt: null, draftRevision: { increment: 1 } } });
    await tx.authoredReview.create({
      data: { itemId: item.id, revision: input.revision, reviewerId: actor.id, decision: "APPROVED", comment: input.comment ?? "" },
    });
    if (isLive) await goLive(tx, item.id, number, now);
    // Published now, or approved for its day (the scheduled run records the publication then).
    await recordAudit(tx, {
      actorId: actor.id,
      action: isLive ? "content.published" : "content.approved",
      targetType: "AuthoredItem",
      targetId: item.id,
      regionId: item.regionId,
      detail: { kind, version: number, ...(isLive ? {} : { publishAt: publishAt.toISOString() }), submittedBy: item.submittedById },
    });
    await notify(tx, item.submittedById!, "authoring.approved", { actorName: actor.name, itemTitle: itemTitle(item) }, `/authoring/${item.id}`);
    return { version: number, publishAt, isLive };
  });
}
