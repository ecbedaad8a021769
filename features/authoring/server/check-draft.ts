import "server-only";
import type { Actor } from "@/server/authz/policy";
import { getFramework } from "@/features/competences/server/framework";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { checkMdx, type MdxCheck, type MdxProblem } from "../safe-mdx";
import type { AuthoredKind } from "../schemas";
import { loadAuthoredMedia } from "./load-authored-media";

export type DraftCheck = MdxCheck<AuthoredKind> & { fileIds: string[] };

/**
 * Checks an item's text as the reviewer and the compiler will see it: the safety rules, and
 * content:check's rules with the competences of the framework and the lessons this author's
 * readers can open (a link to another region's lesson would be broken for them). Uploaded files
 * the text uses (`./f-<id>.<ext>`) are read through the item's attachments.
 */
export async function checkDraftText(actor: Actor, item: { id: string | null; kind: AuthoredKind }, text: string): Promise<DraftCheck> {
  const [catalog, media] = await Promise.all([loadCatalog(actor), loadAuthoredMedia({ itemId: item.id, actorId: actor.id, text })]);
  const check = checkMdx(item.kind, text, {
    locale: "uk",
    competenceIds: new Set(getFramework().competences.map((c) => c.id)),
    lessonIds: new Set(catalog.lessons("uk").map((l) => l.id)),
    readScreen: media.readScreen,
  });
  // A file the text names that is not this item's (nor the author's fresh upload) would show as a broken image.
  const missing: MdxProblem[] = media.missing.map((file) => {
    const at = text.indexOf(file);
    const before = text.slice(0, Math.max(0, at));
    return {
      code: "fileMissing",
      severity: "content",
      line: before.split("\n").length,
      column: at - (before.lastIndexOf("\n") + 1) + 1,
      messageKey: "authoring.mdx.fileMissing",
      params: { file },
    };
  });
  if (!missing.length) return { ...check, fileIds: media.fileIds };
  return { ...check, problems: [...check.problems, ...missing].sort((a, b) => a.line - b.line || a.column - b.column), checked: null, fileIds: media.fileIds };
}

/** The frontmatter id of a lesson or guide text (read before the full check, to name the item). */
export function frontmatterId(text: string): string | null {
  const head = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  return /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(head)?.[1] ?? null;
}
