import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { attachNewFiles } from "./attach-item-files";
import type { AuthoredKind, TDraftSave } from "../schemas";
import type { MdxProblem } from "../safe-mdx";
import { checkDraftText, frontmatterId } from "./check-draft";
import { checkItemHromadas } from "./check-hromadas";
import { loadItemForWriting } from "./load-item";
import { unsafeProblemsError } from "./problems-error";

export type SavedDraft = { revision: number; problems: MdxProblem[] };

/**
 * Saves the working copy. A text with unsafe problems is refused whole (422, nothing stored);
 * content problems are kept with the draft and shown at their lines. Saves compare-and-set on the
 * revision the editor opened, so of two people saving over the same revision one gets 409 and
 * keeps their text in the editor. A draft under review is frozen until it is decided or withdrawn.
 */
export async function saveDraft(
  actor: Actor,
  itemId: string,
  input: Pick<TDraftSave, "revision" | "text" | "title" | "summary" | "hromadaIds">,
): Promise<SavedDraft> {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, itemId);
  if (item.stage !== "DRAFT") throw new AppError("conflict", "errors.authoringInReview");
  if (item.kind === "note" && !input.title) throw new AppError("validation_failed", "errors.authoringTitleShort", { title: ["errors.authoringTitleShort"] });
  const hromadaIds = await checkItemHromadas(item.regionId, input.hromadaIds);
  const check = await checkDraftText(actor, { id: item.id, kind: item.kind as AuthoredKind }, input.text);
  if (!check.isSafe) throw unsafeProblemsError(check.problems);
  if (item.kind !== "note" && frontmatterId(input.text) !== item.slug)
    throw new AppError("unprocessable", "errors.authoringIdChanged", undefined, undefined, { id: item.slug });
  return db.$transaction(async (tx) => {
    const updated = await tx.authoredItem.updateMany({
      where: { id: item.id, stage: "DRAFT", draftRevision: input.revision },
      data: {
        draftText: input.text,
        draftTitle: item.kind === "note" ? (input.title ?? "") : "",
        draftSummary: item.kind === "note" ? (input.summary ?? "") : "",
        draftRevision: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new AppError("conflict", "errors.authoringStale");
    await tx.authoredItemHromada.deleteMany({ where: { itemId: item.id, hromadaId: { notIn: hromadaIds } } });
    await tx.authoredItemHromada.createMany({ data: hromadaIds.map((hromadaId) => ({ itemId: item.id, hromadaId })), skipDuplicates: true });
    await attachNewFiles(tx, actor, item.id, check.fileIds);
    return { revision: input.revision + 1, problems: check.problems };
  });
}
