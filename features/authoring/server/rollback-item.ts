import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { goLive, nextVersionNumber } from "./go-live";
import { loadItemForWriting } from "./load-item";

/**
 * Rolls back to an earlier published version: a new version with that text (approved once
 * already, so it needs no second review; `restoredFrom` says so, and the database allows the
 * same submitter and approver only then). It goes live at once, cancels a version waiting for its
 * date, and the draft — unless under review — starts from the restored text. The compiled code is
 * the earlier version's (the same text), so nothing compiles.
 */
export async function rollbackToVersion(actor: Actor, itemId: string, restore: number, now = new Date()): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const item = await loadItemForWriting(tx, actor, itemId, true);
    const source = await tx.authoredVersion.findUnique({ where: { itemId_number: { itemId: item.id, number: restore } } });
    if (!source || source.publishedAt === null) throw new AppError("not_found", "errors.authoringVersionNotFound");
    if (source.number === item.currentVersion) throw new AppError("conflict", "errors.authoringAlreadyCurrent");
    await tx.authoredVersion.deleteMany({ where: { itemId: item.id, publishedAt: null } });
    const number = await nextVersionNumber(tx, item.id);
    await tx.authoredVersion.create({
      data: {
        itemId: item.id,
        number,
        text: source.text,
        title: source.title,
        summary: source.summary,
        meta: source.meta as object,
        compiledKey: source.compiledKey,
        submittedById: source.submittedById,
        approvedById: actor.id,
        restoredFrom: source.number,
        publishAt: now,
      },
    });
    await goLive(tx, item.id, number, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "content.rolled-back",
      targetType: "AuthoredItem",
      targetId: item.id,
      regionId: item.regionId,
      detail: { kind: item.kind, version: number, restoredFrom: source.number },
    });
    if (item.stage === "DRAFT") {
      await tx.authoredItem.update({
        where: { id: item.id },
        data: {
          draftText: source.text,
          draftTitle: item.kind === "note" ? source.title : "",
          draftSummary: item.kind === "note" ? source.summary : "",
          draftRevision: { increment: 1 },
        },
      });
    }
    return { version: number };
  });
}
