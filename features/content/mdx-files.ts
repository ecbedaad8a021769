import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import type { ContentProblem } from "../competences/check-framework";

export const CONTENT_LOCALES = ["uk", "en"] as const;

export type MdxSource<F> = { id: string; locale: "uk" | "en"; file: string; frontmatter: F; body: string; bodyLine: number; text: string };

export function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/**
 * Reads `<dir>/<id>/uk.mdx` (required) and `en.mdx` (optional) for every folder, validating the
 * frontmatter with the schema: the shared part of checking lessons and walkthroughs. Each problem
 * carries the file, the line of the field and a message.
 */
export function readMdxFiles<F extends { id: string; competences: string[] }>(
  dir: string,
  schema: z.ZodType<F>,
  what: string,
  competenceIds: Set<string>,
): { sources: MdxSource<F>[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const sources: MdxSource<F>[] = [];
  const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((f) => f.isDirectory() && !f.name.startsWith(".")).map((f) => f.name).sort() : [];
  for (const folder of folders) {
    for (const locale of CONTENT_LOCALES) {
      const file = join(dir, folder, `${locale}.mdx`);
      if (!existsSync(file)) {
        if (locale === "uk") problems.push({ file: join(dir, folder), line: 1, field: "uk.mdx", message: `every ${what} needs a Ukrainian version` });
        continue;
      }
      const text = readFileSync(file, "utf8");
      const source = parseMdxText(text, { file, locale, folder }, schema, competenceIds, problems);
      if (source) sources.push(source);
    }
  }
  return { sources, problems };
}

/**
 * One MDX file's text: frontmatter validated with the schema and the competences it names, the
 * body split off. Used for the files of content/ (the folder names the id) and for documents
 * written in the app (features/authoring/safe-mdx.ts), which have no folder. Problems go to
 * `problems`; null when the frontmatter does not fit.
 */
export function parseMdxText<F extends { id: string; competences: string[] }>(
  text: string,
  where: { file: string; locale: "uk" | "en"; folder?: string },
  schema: z.ZodType<F>,
  competenceIds: ReadonlySet<string>,
  problems: ContentProblem[],
): MdxSource<F> | null {
  const { file, locale, folder } = where;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (error) {
    problems.push({ file, line: 1, field: "frontmatter", message: error instanceof Error ? error.message.split("\n")[0]! : "unreadable" });
    return null;
  }
  const fm = schema.safeParse(parsed.data);
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      problems.push({ file, line: frontmatterLine(text, issue.path), field: issue.path.join(".") || "frontmatter", message: issue.message });
    }
    return null;
  }
  if (folder !== undefined && fm.data.id !== folder) problems.push({ file, line: lineAt(text, text.indexOf("\nid:") + 1), field: "id", message: `must be "${folder}", the folder's name` });
  for (const c of fm.data.competences) {
    if (!competenceIds.has(c)) problems.push({ file, line: lineAt(text, Math.max(0, text.indexOf("\ncompetences:") + 1)), field: "competences", message: `unknown competence "${c}"` });
  }
  const bodyStart = text.length - parsed.content.length;
  return { id: folder ?? fm.data.id, locale, file, frontmatter: fm.data, body: parsed.content, bodyLine: lineAt(text, bodyStart), text };
}

/** Links to lessons (`[text](lesson:id)`) that name no lesson, at their line. */
export function lessonLinkProblems(source: { file: string; text: string }, lessonIds: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const m of source.text.matchAll(/\]\(lesson:([^)\s]+)\)/g)) {
    if (!lessonIds.has(m[1]!)) problems.push({ file: source.file, line: lineAt(source.text, m.index), field: "link", message: `no lesson "${m[1]}"` });
  }
  return problems;
}

/** The line of a frontmatter field, following nested keys (`platform.url`) as far as they are written. */
function frontmatterLine(text: string, path: PropertyKey[]): number {
  let at = text.indexOf(`\n${String(path[0] ?? "")}:`);
  if (at < 0) return 2;
  for (const key of path.slice(1)) {
    if (typeof key !== "string") break;
    const nested = new RegExp(`\\n[ \\t]+${key}:`).exec(text.slice(at + 1));
    if (!nested) break;
    at = at + 1 + nested.index;
  }
  return lineAt(text, at + 1);
}

/** Reports a problem at an offset of the body, with the line counted in the whole file. */
export function bodyReporter(source: { file: string; text: string; body: string }, problems: ContentProblem[]) {
  const bodyStart = source.text.length - source.body.length;
  return (index: number, field: string, message: string) => problems.push({ file: source.file, line: lineAt(source.text, bodyStart + index), field, message });
}

/**
 * Checks shared by every MDX kind: only the allowed components, and well-formed quiz items
 * (ids present and unique, a right answer, an explanation for every option).
 */
export function checkComponentsAndItems(body: string, allowed: readonly string[], at: (index: number, field: string, message: string) => void): { items: number } {
  const names = new Set<string>(allowed);
  for (const m of body.matchAll(/<([A-Za-z][\w.]*)/g)) {
    if (!names.has(m[1]!)) at(m.index, "component", `unknown component <${m[1]}>; allowed: ${allowed.join(", ")}`);
  }
  const ids = new Map<string, number>();
  for (const m of body.matchAll(/<(Quiz|TrueFalse|Scenario|Checklist)\b[^>]*\bid="([^"]+)"/g)) {
    if (ids.has(m[2]!)) at(m.index, `${m[1]}.id`, `duplicate id "${m[2]}"`);
    ids.set(m[2]!, m.index);
  }
  for (const m of body.matchAll(/<(Quiz|TrueFalse|Scenario|Checklist)\b(?![^>]*\bid=")[^>]*>/g)) at(m.index, `${m[1]}.id`, "needs an id");
  for (const m of body.matchAll(/<Quiz\b([^>]*)>([\s\S]*?)<\/Quiz>/g)) {
    const multiple = /\bmultiple\b/.test(m[1]!);
    const options = [...m[2]!.matchAll(/<Option\b([^>]*)>/g)];
    const correct = options.filter((o) => /\bcorrect\b/.test(o[1]!)).length;
    if (options.length < 2) at(m.index, "Quiz", "needs at least two options");
    if (correct === 0) at(m.index, "Quiz", "no option is marked correct");
    if (!multiple && correct > 1) at(m.index, "Quiz", "several options are correct: add `multiple`");
    if (options.some((o) => !/\bexplanation="[^"]+"/.test(o[1]!))) at(m.index, "Option.explanation", "every option needs an explanation");
  }
  for (const m of body.matchAll(/<TrueFalse\b([^>]*)\/?>/g)) {
    if (!/\banswer=\{(true|false)\}/.test(m[1]!)) at(m.index, "TrueFalse.answer", "needs answer={true} or answer={false}");
    if (!/\bexplanation="[^"]+"/.test(m[1]!)) at(m.index, "TrueFalse.explanation", "needs an explanation");
  }
  return { items: [...body.matchAll(/<(Quiz|TrueFalse)\b/g)].length };
}
