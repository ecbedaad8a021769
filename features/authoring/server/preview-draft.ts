import "server-only";
import type { Actor } from "@/server/authz/policy";
import type { AuthoredKind } from "../schemas";
import { compileChecked, type CompiledDocument } from "../compile-checked";
import type { MdxProblem } from "../safe-mdx";
import { checkDraftText } from "./check-draft";
import { loadItemForWriting } from "./load-item";
import { getDb } from "@/server/db/client";

/**
 * The working copy as the learner would see it, for its authors and reviewers: compiled on request
 * (previews are few and change with every save; published versions are compiled once and cached).
 * A text with any problem is not compiled: the problems come back instead.
 */
export async function previewDraft(
  actor: Actor,
  itemId: string,
): Promise<{ compiled: CompiledDocument | null; problems: MdxProblem[]; kind: AuthoredKind; slug: string }> {
  const item = await loadItemForWriting(getDb(), actor, itemId);
  const kind = item.kind as AuthoredKind;
  const check = await checkDraftText(actor, { id: item.id, kind }, item.draftText);
  if (!check.checked) return { compiled: null, problems: check.problems, kind, slug: item.slug };
  return { compiled: await compileChecked(check.checked), problems: [], kind, slug: item.slug };
}
