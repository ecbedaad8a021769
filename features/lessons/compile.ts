import { bundleMDX } from "mdx-bundler";
import type { LessonSource } from "./check-lessons";

export type CompiledLesson = {
  id: string;
  locale: "uk" | "en";
  frontmatter: LessonSource["frontmatter"];
  /** The lesson as a function body for mdx-bundler's getMDXComponent; evaluated on the server only. */
  code: string;
  /** Quiz-like items in order, for progress and spaced review. */
  items: { id: string; kind: "Quiz" | "TrueFalse" | "Scenario" }[];
};

/**
 * Compiles one lesson with mdx-bundler. Runs at build time (scripts/build-content.ts) and in
 * content:check, never per request. Lesson links become ordinary paths.
 */
export async function compileLesson(source: LessonSource): Promise<CompiledLesson> {
  const body = source.body
    .replace(/\]\(lesson:([a-z0-9-]+)\)/g, "](/lessons/$1)")
    .replace(/\bsrc="\.\/([\w.-]+)"/g, `src="/lesson-media/${source.id}/$1"`);
  // Errors come back to the caller (content:check prints them with file and line), not to the log.
  const { code } = await bundleMDX({ source: body, esbuildOptions: (options) => ({ ...options, logLevel: "silent" }) });
  const items = [...source.body.matchAll(/<(Quiz|TrueFalse|Scenario)\b[^>]*\bid="([^"]+)"/g)].map((m) => ({ id: m[2]!, kind: m[1] as "Quiz" | "TrueFalse" | "Scenario" }));
  return { id: source.id, locale: source.locale, frontmatter: source.frontmatter, code, items };
}
