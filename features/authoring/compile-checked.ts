import { compileLesson, compileMdx, lessonLinksAsPaths, type CompiledLesson } from "../lessons/compile";
import { compileWalkthrough, type CompiledWalkthrough } from "../walkthroughs/compile";
import { isCheckedMdx, type CheckedMdx } from "./safe-mdx";
import { mediaAttributePaths } from "../content/media-path";

export type CompiledNote = { locale: "uk" | "en"; code: string };
export type CompiledDocument =
  { kind: "lesson"; compiled: CompiledLesson } | { kind: "walkthrough"; compiled: CompiledWalkthrough } | { kind: "note"; compiled: CompiledNote };

/**
 * Compiles a document checkMdx passed, with the pipeline of the built-in content
 * (features/lessons/compile.ts, features/walkthroughs/compile.ts): the same screens, review
 * items and paths. Takes only a CheckedMdx, and checks at run time that checkMdx issued it, so
 * unchecked text never reaches the compiler (decision 028).
 */
/**
 * A note has no folder of its own (it is never in content/): only uploaded files
 * (`./f-<id>.<ext>`) become paths, in `Figure src` and in Markdown images.
 */
function compileNote(body: string): Promise<string> {
  return compileMdx(mediaAttributePaths(lessonLinksAsPaths(body), "src", null), null);
}

export async function compileChecked(document: CheckedMdx): Promise<CompiledDocument> {
  if (!isCheckedMdx(document)) throw new Error("compileChecked takes only a document that checkMdx passed");
  switch (document.kind) {
    case "lesson":
      return { kind: "lesson", compiled: await compileLesson(document.source) };
    case "walkthrough":
      return { kind: "walkthrough", compiled: await compileWalkthrough(document.source) };
    case "note":
      return { kind: "note", compiled: { locale: document.locale, code: await compileNote(document.source.body) } };
  }
}
