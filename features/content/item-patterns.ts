import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/*
 * Patterns in practice items that let a learner guess without understanding: most true/false
 * statements true (or false), the right option the longest, the best choice of a scenario first.
 * content:check prints them as warnings (they do not fail it): a pattern is a matter for the
 * author's judgement, not a broken file. content/README.md tells authors the same thresholds.
 */

/** More than this share of the corpus's TrueFalse items with one answer is a pattern. */
export const TRUE_FALSE_CORPUS_SHARE = 0.7;
/** In more than this share of a file's Quiz and Scenario items the right option is the longest. */
export const LONGEST_RIGHT_SHARE = 0.5;
/** In more than this share of the corpus's scenarios the best choice is the first. */
export const BEST_FIRST_SHARE = 0.5;

export type PracticeItem =
  | { kind: "TrueFalse"; id: string; line: number; answer: boolean }
  /** A Quiz's options or a Scenario's choices as written: their text length (characters) and whether each is right (best). */
  | { kind: "Quiz" | "Scenario"; id: string; line: number; options: { length: number; right: boolean }[] };

/** One warning: the file it is about (null: the whole corpus), what the pattern is, and the items (file, line, id) that make it up. */
export type ContentWarning = { file: string | null; message: string; items: { file: string; line: number; id: string }[] };

export type PatternSource = { file: string; locale: "uk" | "en"; body: string; bodyLine: number };

type Node = {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: Node[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
};

const parser = unified().use(remarkParse).use(remarkMdx);

const attribute = (node: Node, name: string) => node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
/** A bare flag (`correct`) or `{true}`; content:check's item rules allow nothing else for these. */
function isSet(node: Node, name: string): boolean {
  const found = attribute(node, name);
  if (!found) return false;
  if (found.value === null || found.value === undefined) return true;
  if (typeof found.value === "object") return (found.value as { value?: string }).value?.trim() === "true";
  return String(found.value) === "true";
}
const isElement = (node: Node, name: string) => node.type.startsWith("mdxJsx") && node.name === name;
function textOf(node: Node): string {
  return typeof node.value === "string" && !node.type.startsWith("mdxJsx") ? node.value : (node.children ?? []).map(textOf).join("");
}
/** Characters as a reader counts them (code points), spaces folded. */
const lengthOf = (node: Node) => [...textOf(node).replace(/\s+/g, " ").trim()].length;
function descendantsNamed(node: Node, name: string): Node[] {
  return (node.children ?? []).flatMap((child) => (isElement(child, name) ? [child] : descendantsNamed(child, name)));
}

/** The Quiz, TrueFalse and Scenario items of an MDX body, in order, with lines in the whole file. */
export function practiceItemsOf(source: PatternSource): PracticeItem[] {
  let tree: Node;
  try {
    tree = parser.parse(source.body) as Node;
  } catch {
    return []; // A body that does not parse is content:check's MDX error already.
  }
  const items: PracticeItem[] = [];
  const visit = (node: Node) => {
    const id = attribute(node, "id")?.value;
    const line = source.bodyLine + (node.position?.start.line ?? 1) - 1;
    if (typeof id === "string" && isElement(node, "TrueFalse")) items.push({ kind: "TrueFalse", id, line, answer: isSet(node, "answer") });
    else if (typeof id === "string" && (isElement(node, "Quiz") || isElement(node, "Scenario"))) {
      const quiz = isElement(node, "Quiz");
      const options = descendantsNamed(node, quiz ? "Option" : "Choice").map((o) => ({ length: lengthOf(o), right: isSet(o, quiz ? "correct" : "best") }));
      items.push({ kind: quiz ? "Quiz" : "Scenario", id, line, options });
    } else node.children?.forEach(visit);
  };
  visit(tree);
  return items;
}

/** Whether the one longest option is a right one (a tie for the longest gives nothing away). */
function isRightLongest(options: { length: number; right: boolean }[]): boolean {
  const longest = Math.max(...options.map((o) => o.length));
  const atLongest = options.filter((o) => o.length === longest);
  return atLongest.length === 1 && atLongest[0]!.right;
}

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);
const itemRef = (file: string) => (item: PracticeItem) => ({ file, line: item.line, id: item.id });

/**
 * The warnings for a corpus of lessons and walkthroughs. Answers are the same in every language, so
 * the rules about answers (true/false, best choice first) count the Ukrainian files, which every
 * lesson and guide has; option lengths change with the language, so that rule reads every file.
 */
export function itemPatternWarnings(sources: readonly PatternSource[]): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const files = sources.map((source) => ({ source, items: practiceItemsOf(source) }));
  const ukrainian = files.filter((f) => f.source.locale === "uk");

  const trueFalse = ukrainian.flatMap(({ source, items }) => items.flatMap((item) => (item.kind === "TrueFalse" ? [{ file: source.file, item }] : [])));
  for (const answer of [true, false]) {
    const same = trueFalse.filter((t) => t.item.answer === answer);
    if (trueFalse.length > 0 && same.length / trueFalse.length > TRUE_FALSE_CORPUS_SHARE) {
      warnings.push({
        file: null,
        message: `${same.length} of ${trueFalse.length} TrueFalse items (${percent(same.length, trueFalse.length)} %) have answer={${answer}}: aim for about half true and half false; these could become ${!answer} statements`,
        items: same.map((t) => itemRef(t.file)(t.item)),
      });
    }
  }

  for (const { source, items } of ukrainian) {
    const statements = items.filter((i) => i.kind === "TrueFalse");
    if (statements.length >= 2 && statements.every((s) => s.answer === statements[0]!.answer)) {
      warnings.push({
        file: source.file,
        message: `all ${statements.length} TrueFalse items have answer={${statements[0]!.answer}}: make at least one of them ${!statements[0]!.answer}`,
        items: statements.map(itemRef(source.file)),
      });
    }
  }

  for (const { source, items } of files) {
    const choices = items.flatMap((i) => (i.kind === "TrueFalse" ? [] : [i]));
    const longest = choices.filter((i) => isRightLongest(i.options));
    if (choices.length > 0 && longest.length / choices.length > LONGEST_RIGHT_SHARE) {
      warnings.push({
        file: source.file,
        message: `the right option is the longest in ${longest.length} of ${choices.length} Quiz and Scenario items: shorten it or give the other options similar detail`,
        items: longest.map(itemRef(source.file)),
      });
    }
  }

  const scenarios = ukrainian.flatMap(({ source, items }) => items.flatMap((item) => (item.kind === "Scenario" ? [{ file: source.file, item }] : [])));
  const bestFirst = scenarios.filter(({ item }) => item.kind === "Scenario" && item.options[0]?.right === true);
  if (scenarios.length > 0 && bestFirst.length / scenarios.length > BEST_FIRST_SHARE) {
    warnings.push({
      file: null,
      message: `the best choice is the first in ${bestFirst.length} of ${scenarios.length} Scenarios (${percent(bestFirst.length, scenarios.length)} %): move it further down in some of these`,
      items: bestFirst.map((s) => itemRef(s.file)(s.item)),
    });
  }
  return warnings;
}
