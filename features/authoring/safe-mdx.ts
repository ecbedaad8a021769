import { createHash } from "node:crypto";
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import matter from "gray-matter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ContentProblem } from "../competences/check-framework";
import { lessonLinkProblems, lineAt, parseMdxText } from "../content/mdx-files";
import { checkLessonBody, lessonReferenceProblems, type LessonSource } from "../lessons/check-lessons";
import { LESSON_ID, ZLessonFrontmatter } from "../lessons/schemas";
import { checkWalkthroughBody, type ScreenFile, type WalkthroughSource } from "../walkthroughs/check-walkthroughs";
import { ZWalkthroughFrontmatter } from "../walkthroughs/schemas";
import { COMPONENTS_BY_KIND, COMPONENT_ATTRIBUTES, MAX_ATTRIBUTE_CHARS, type AttributeSpec, type ComponentName, type MdxKind } from "./allowlist";

/**
 * Safe MDX (decision 028): a document written in the app is untrusted input, and MDX compiles to
 * JavaScript that runs on the server. `checkMdx` parses it with the MDX parser only (nothing is
 * evaluated) and refuses everything but Markdown and the allowlisted components with literal
 * attribute values; then it applies content:check's rules for the kind. Only a document with no
 * problem at all comes back as a `CheckedMdx`, the one thing the compiler accepts.
 */

/** The largest document accepted, in UTF-8 bytes: about four times the longest guide in content/. */
export const MAX_DOCUMENT_BYTES = 100 * 1024;
/** Syntax-tree nodes: the longest guide in content/ has about 1,000. */
export const MAX_NODES = 10_000;
/** Nesting of the syntax tree (a quiz option's text sits 5 deep). */
export const MAX_DEPTH = 24;
/** Problems reported for one document; the rest are summed up in one more. */
export const MAX_PROBLEMS = 100;

export type MdxProblemCode =
  | "tooLarge"
  | "tooManyNodes"
  | "tooDeep"
  | "tooManyProblems"
  | "syntax"
  | "frontmatterFence"
  | "frontmatterUnreadable"
  | "noteFrontmatter"
  | "bodyFence"
  | "esm"
  | "expression"
  | "html"
  | "fragment"
  | "unknownComponent"
  | "unknownAttribute"
  | "duplicateAttribute"
  | "missingAttribute"
  | "spreadAttribute"
  | "attributeExpression"
  | "attributeText"
  | "attributeTooLong"
  | "attributeId"
  | "attributeNumber"
  | "attributeBoolean"
  | "attributeChoice"
  | "unsafeUrl"
  | "imageUrl"
  | "nodeNotAllowed"
  | "contentRule"
  | "fileMissing";

/**
 * One problem at its line and column in the whole document (frontmatter included), with the key
 * of its message in messages/*.json and the values the message names. "unsafe" problems refuse
 * the document outright (it may not be saved); "content" problems are content:check's rules
 * (a draft may keep them; it cannot be published or compiled).
 */
export type MdxProblem = {
  code: MdxProblemCode;
  severity: "unsafe" | "content";
  line: number;
  column: number;
  messageKey: `authoring.mdx.${MdxProblemCode}`;
  params: Record<string, string | number>;
};

export type CheckContext = {
  locale: "uk" | "en";
  /** Competence ids of the framework's latest version (frontmatter `competences`). */
  competenceIds: ReadonlySet<string>;
  /** Lessons the document may link to (`lesson:id`) and name as prerequisites. */
  lessonIds: ReadonlySet<string>;
  /**
   * A walkthrough's screens as uploaded (`./f-<id>.png`, see `loadAuthoredMedia`): its text (SVG
   * markup, "" for PNG and JPEG), size and type, or null when there is none.
   */
  readScreen?: (screen: string) => ScreenFile | null;
};

export type NoteSource = { locale: "uk" | "en"; body: string; text: string };

declare const checkedBrand: unique symbol;
type Checked<K extends MdxKind, S> = {
  readonly kind: K;
  readonly locale: "uk" | "en";
  readonly text: string;
  /** sha256 of the kind, locale and text: what the compiled cache is keyed by. */
  readonly contentHash: string;
  readonly source: S;
  readonly [checkedBrand]: true;
};
/**
 * A document `checkMdx` passed. Only checkMdx makes one (the brand cannot be written outside
 * this module, and `isCheckedMdx` knows every object it issued, so a cast does not make one
 * either); it is frozen, so its text cannot change after the check.
 */
export type CheckedMdx = Checked<"lesson", LessonSource> | Checked<"walkthrough", WalkthroughSource> | Checked<"note", NoteSource>;
export type CheckedMdxOf<K extends MdxKind> = Extract<CheckedMdx, { kind: K }>;

const issued = new WeakSet<object>();
export function isCheckedMdx(value: unknown): value is CheckedMdx {
  return typeof value === "object" && value !== null && issued.has(value);
}

export type MdxCheck<K extends MdxKind> = {
  /** No unsafe problem: the text may be stored as a draft. */
  isSafe: boolean;
  problems: MdxProblem[];
  /** Present only when there is no problem at all. */
  checked: CheckedMdxOf<K> | null;
};

type Position = { start: { line: number; column: number } };
type Attribute = {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: Position;
};
type MdNode = { type: string; name?: string | null; url?: string; value?: unknown; children?: MdNode[]; attributes?: Attribute[]; position?: Position };

/** Markdown that renders as plain elements with nothing to run: everything else is refused. */
const MARKDOWN_NODES = new Set([
  "root",
  "paragraph",
  "heading",
  "thematicBreak",
  "blockquote",
  "list",
  "listItem",
  "code",
  "text",
  "emphasis",
  "strong",
  "inlineCode",
  "break",
  "link",
  "linkReference",
  "image",
  "definition",
]);

const problemOf = (
  code: MdxProblemCode,
  line: number,
  column: number,
  params: MdxProblem["params"] = {},
  severity: MdxProblem["severity"] = "unsafe",
): MdxProblem => ({
  code,
  severity,
  line,
  column,
  messageKey: `authoring.mdx.${code}`,
  params,
});

/** What the author wrote, shortened for a message (the page shows it as text). */
const excerpt = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Decodes character references (`&#106;`, `&#x6A;`, `&colon;`) and %-escapes until nothing changes. */
function decoded(value: string): string {
  let current = value;
  for (let round = 0; round < 4; round += 1) {
    let next = current.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
      if (ref.startsWith("#")) {
        const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      const named = decodeNamedCharacterReference(ref);
      return named === false ? whole : named;
    });
    try {
      next = decodeURIComponent(next);
    } catch {
      // A lone % is not an escape; the address is judged as written.
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The address as a browser would read its scheme: references decoded, every control character,
 * space and invisible format character removed (browsers drop tabs and newlines inside a URL and
 * spaces around it), lower case.
 */
function normalizedUrl(url: string): string {
  return [...decoded(url)]
    .filter((ch) => ch > " ")
    .join("")
    .replace(/[\u007f-\u00a0\u00ad\u115f\u1160\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g, "")
    .toLowerCase();
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const LESSON_LINK = new RegExp(`^lesson:${LESSON_ID.source.slice(1, -1)}$`);

/** Links go to web pages (http, https), to lessons (`lesson:id`) or within the app (relative). */
export function isSafeLinkUrl(url: string): boolean {
  const address = normalizedUrl(url);
  if (address.includes("\\")) return false;
  const scheme = SCHEME.exec(address)?.[1];
  if (scheme) return scheme === "http" || scheme === "https" || (scheme === "lesson" && LESSON_LINK.test(url.trim()));
  // No scheme: a colon before the path, query or fragment would still read as one somewhere.
  return !/^[^/?#]*:/.test(address);
}

/** Images come from the app itself: a relative address, no scheme, no other host. */
export function isSafeImageUrl(url: string): boolean {
  const address = normalizedUrl(url);
  return address.length > 0 && !address.includes("\\") && !address.startsWith("//") && !/^[^/?#]*:/.test(address);
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Checks one allowlisted component's attributes: known names, each once, literal values of their type. */
function checkAttributes(node: MdNode, component: ComponentName, add: (code: MdxProblemCode, at: Position | undefined, params?: MdxProblem["params"]) => void) {
  const specs: Record<string, AttributeSpec> = COMPONENT_ATTRIBUTES[component];
  const seen = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    const at = attribute.position ?? node.position;
    if (attribute.type !== "mdxJsxAttribute" || attribute.name === undefined) {
      add("spreadAttribute", at, { component });
      continue;
    }
    const name = attribute.name;
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      add("unknownAttribute", at, { component, attribute: excerpt(name), allowed: Object.keys(specs).join(", ") || "—" });
      continue;
    }
    if (seen.has(name)) add("duplicateAttribute", at, { component, attribute: name });
    seen.add(name);
    const value = attribute.value;
    const params = { component, attribute: name };
    if (value !== null && value !== undefined && typeof value === "object") {
      // An expression is accepted only as the literal the attribute's type is written with: {true}, {12}.
      const literal = spec.type === "boolean" ? /^(?:true|false)$/ : spec.type === "number" ? NUMBER : null;
      if (!literal?.test(value.value.trim())) add("attributeExpression", at, params);
      continue;
    }
    if (spec.type === "boolean") {
      // A string would always read as true (answer="false" is a true answer).
      if (value !== null && value !== undefined) add("attributeBoolean", at, params);
      continue;
    }
    if (typeof value !== "string") {
      add(spec.type === "number" ? "attributeNumber" : "attributeText", at, params);
      continue;
    }
    if (value.length > MAX_ATTRIBUTE_CHARS) add("attributeTooLong", at, { ...params, limit: MAX_ATTRIBUTE_CHARS });
    else if (spec.type === "number" && !NUMBER.test(value.trim())) add("attributeNumber", at, params);
    else if (spec.type === "id" && !(LESSON_ID.test(value) && value.length <= 80)) add("attributeId", at, params);
    else if (spec.type === "choice" && !spec.values.includes(value)) add("attributeChoice", at, { ...params, allowed: spec.values.join(", ") });
    else if (spec.type === "image" && !isSafeImageUrl(value)) add("imageUrl", at, { url: excerpt(value) });
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !seen.has(name)) add("missingAttribute", node.position, { component, attribute: name });
  }
}

/** Walks the syntax tree (without recursion: depth is what is being limited) and reports every node that is not allowed. */
function inspectTree(tree: MdNode, kind: MdxKind, add: (code: MdxProblemCode, at: Position | undefined, params?: MdxProblem["params"]) => void) {
  const allowed = new Set<string>(COMPONENTS_BY_KIND[kind]);
  const stack: { node: MdNode; depth: number }[] = [{ node: tree, depth: 0 }];
  let count = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    count += 1;
    if (count > MAX_NODES) return add("tooManyNodes", node.position, { limit: MAX_NODES });
    if (depth > MAX_DEPTH) return add("tooDeep", node.position, { limit: MAX_DEPTH });
    const at = node.position;
    switch (node.type) {
      case "mdxjsEsm":
        add("esm", at);
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        add("expression", at);
        break;
      case "html":
        add("html", at, { name: excerpt(String(node.value ?? "")) });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name;
        if (!name) add("fragment", at);
        else if (/^[a-z]/.test(name)) add("html", at, { name: excerpt(name) });
        else if (!allowed.has(name)) add("unknownComponent", at, { name: excerpt(name), allowed: [...allowed].join(", ") });
        else checkAttributes(node, name as ComponentName, add);
        break;
      }
      case "link":
      case "definition":
        if (!isSafeLinkUrl(node.url ?? "")) add("unsafeUrl", at, { url: excerpt(node.url ?? "") });
        break;
      case "image":
        if (!isSafeImageUrl(node.url ?? "")) add("imageUrl", at, { url: excerpt(node.url ?? "") });
        break;
      default:
        if (!MARKDOWN_NODES.has(node.type)) add("nodeNotAllowed", at, { node: node.type });
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, depth: depth + 1 });
  }
}

const parser = unified().use(remarkParse).use(remarkMdx);

/** Where the frontmatter ends: the body and the line it starts on (1-based, in the whole text). */
function splitFrontmatter(text: string): { body: string; bodyLine: number } | "unreadable" {
  try {
    // Always with options: without them gray-matter caches by text, and it stores an entry before it
    // parses, so a second check of a text whose frontmatter failed would get the unparsed file back.
    const body = matter(text, { language: "yaml" }).content;
    return { body, bodyLine: lineAt(text, text.length - body.length) };
  } catch {
    return "unreadable";
  }
}

/**
 * Checks an untrusted MDX document of a kind: safety first (size, frontmatter fence, syntax,
 * nodes, components, attributes, addresses), then content:check's rules for the kind. Every
 * problem carries its line and column in `text`.
 */
export function checkMdx<K extends MdxKind>(kind: K, text: string, context: CheckContext): MdxCheck<K> {
  const problems: MdxProblem[] = [];
  const refuse = (problem: MdxProblem): MdxCheck<K> => ({ isSafe: false, problems: [problem], checked: null });

  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) return refuse(problemOf("tooLarge", 1, 1, { bytes, limit: MAX_DOCUMENT_BYTES }));

  // gray-matter runs the frontmatter's language (`---js` is JavaScript it evaluates), here and again
  // inside the compiler: the only fence accepted is a line of exactly three hyphens.
  let body = text;
  let bodyLine = 1;
  if (kind === "note") {
    if (/^\uFEFF?\s*---/.test(text)) return refuse(problemOf("noteFrontmatter", 1, 1));
  } else {
    const firstLine = text.slice(0, text.search(/\n|$/));
    if (firstLine !== "---" && firstLine !== "---\r") return refuse(problemOf("frontmatterFence", 1, 1));
    const split = splitFrontmatter(text);
    if (split === "unreadable") return refuse(problemOf("frontmatterUnreadable", 1, 1));
    ({ body, bodyLine } = split);
    // The compiler runs gray-matter on the body again: it must not open another frontmatter.
    if (/^\uFEFF?\s*---/.test(body)) return refuse(problemOf("bodyFence", bodyLine, 1));
  }

  const toText = (at: Position | undefined) => ({ line: (at?.start.line ?? 1) + bodyLine - 1, column: at?.start.column ?? 1 });
  const add = (code: MdxProblemCode, at: Position | undefined, params: MdxProblem["params"] = {}) => {
    const { line, column } = toText(at);
    problems.push(problemOf(code, line, column, params));
  };
  try {
    inspectTree(parser.parse(body) as MdNode, kind, add);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string };
    add("syntax", { start: { line: place.line ?? 1, column: place.column ?? 1 } }, { reason: place.reason ?? "unreadable" });
  }
  const isSafe = problems.length === 0;

  // content:check's rules for the kind, on this one document (decision 028: reused, not copied).
  const file = "(document)";
  const ruleProblems: ContentProblem[] = [];
  const atBody = (index: number, field: string, message: string) => {
    const before = body.slice(0, index);
    const line = bodyLine + before.split("\n").length - 1;
    problems.push(problemOf("contentRule", line, index - (before.lastIndexOf("\n") + 1) + 1, { field, message }, "content"));
  };
  let source: LessonSource | WalkthroughSource | NoteSource | null = null;
  if (kind === "lesson") {
    const lesson = parseMdxText(text, { file, locale: context.locale }, ZLessonFrontmatter, context.competenceIds, ruleProblems);
    checkLessonBody(body, atBody);
    if (lesson) ruleProblems.push(...lessonReferenceProblems(lesson, context.lessonIds));
    source = lesson;
  } else if (kind === "walkthrough") {
    const guide = parseMdxText(text, { file, locale: context.locale }, ZWalkthroughFrontmatter, context.competenceIds, ruleProblems);
    if (guide) {
      const steps = checkWalkthroughBody(guide, atBody, (screen) => context.readScreen?.(screen) ?? null);
      source = { ...guide, steps };
    }
    ruleProblems.push(...lessonLinkProblems({ file, text }, context.lessonIds));
  } else {
    ruleProblems.push(...lessonLinkProblems({ file, text }, context.lessonIds));
    source = { locale: context.locale, body, text };
  }
  for (const p of ruleProblems) problems.push(problemOf("contentRule", p.line, 1, { field: p.field, message: p.message }, "content"));

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push(problemOf("tooManyProblems", problems.at(-1)!.line, problems.at(-1)!.column, { count: rest }, isSafe ? "content" : "unsafe"));
  }
  if (problems.length || !source) return { isSafe, problems, checked: null };

  const checked = deepFreeze({
    kind,
    locale: context.locale,
    text,
    contentHash: createHash("sha256").update(`${kind}\n${context.locale}\n${text}`).digest("hex"),
    source,
  }) as unknown as CheckedMdxOf<K>;
  issued.add(checked);
  return { isSafe: true, problems: [], checked };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
