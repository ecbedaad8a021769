import { bundleMDX } from "mdx-bundler";
import type { LessonSource } from "./check-lessons";
import { markdownImagePaths, mediaAttributePaths } from "../content/media-path";

export const REVIEW_ITEM_KINDS = ["Quiz", "TrueFalse", "Scenario"] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

export type CompiledItem = {
  id: string;
  kind: ReviewItemKind;
  /** The item alone, compiled like a lesson, so spaced review can show it without the lesson. */
  code: string;
};

export type CompiledLesson = {
  id: string;
  locale: "uk" | "en";
  frontmatter: LessonSource["frontmatter"];
  /**
   * The lesson as a function body for mdx-bundler's getMDXComponent; evaluated on the server only.
   * Its top level is a sequence of <LessonStep index="n"> elements: the screens of the player.
   */
  code: string;
  /** The player's screens in order: the opening (titled by the lesson) and one per `##` section. */
  steps: { title: string }[];
  /** Quiz-like items in order, for progress and spaced review. */
  items: CompiledItem[];
};

/** The few mdast fields the content plugins read (MDX's syntax tree, typed only as far as needed). */
export type MdNode = {
  type: string;
  name?: string | null;
  depth?: number;
  value?: string;
  /** Images and links: the address. */
  url?: string;
  children?: MdNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

function textOf(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join("");
}

/** A player screen: `<LessonStep index="n">` around the nodes shown together. */
export const stepElement = (index: number, children: MdNode[]): MdNode => ({
  type: "mdxJsxFlowElement",
  name: "LessonStep",
  attributes: [{ type: "mdxJsxAttribute", name: "index", value: String(index) }],
  children,
});

/**
 * Splits the lesson at its second-level headings into screens, and notes where each quiz-like
 * item sits in the source so it can be compiled on its own for review.
 */
function lessonStructure(found: { steps: string[]; items: { id: string; kind: ReviewItemKind; start: number; end: number }[] }, lessonTitle: string) {
  return () => (tree: MdNode) => {
    const visit = (node: MdNode) => {
      if (node.type === "mdxJsxFlowElement" && REVIEW_ITEM_KINDS.includes(node.name as ReviewItemKind)) {
        const id = node.attributes?.find((a) => a.name === "id")?.value;
        const { start, end } = node.position ?? { start: {}, end: {} };
        if (typeof id === "string" && start.offset !== undefined && end.offset !== undefined) {
          found.items.push({ id, kind: node.name as ReviewItemKind, start: start.offset, end: end.offset });
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);

    const kept: MdNode[] = [];
    const steps: MdNode[][] = [[]];
    found.steps.push(lessonTitle);
    for (const child of tree.children ?? []) {
      if (child.type === "mdxjsEsm") kept.push(child);
      else if (child.type === "heading" && child.depth === 2) {
        steps.push([child]);
        found.steps.push(textOf(child));
      } else steps.at(-1)!.push(child);
    }
    // A lesson that opens straight with a section has no separate opening screen.
    if (steps[0]!.length === 0) {
      steps.shift();
      found.steps.shift();
    }
    tree.children = [...kept, ...steps.map((children, i) => stepElement(i, children))];
  };
}

/** `[text](lesson:id)` → `[text](/lessons/id)`: links between lessons become ordinary paths. */
export const lessonLinksAsPaths = (body: string) => body.replace(/\]\(lesson:([a-z0-9-]+)\)/g, "](/lessons/$1)");

export const quiet = { esbuildOptions: (options: object) => ({ ...options, logLevel: "silent" as const }) };

/**
 * Compiles MDX as it stands (syntax check for content:check; code for getMDXComponent). With a
 * `mediaFolder` (see `mediaPath`), Markdown images get their served paths.
 */
export async function compileMdx(source: string, mediaFolder?: string | null): Promise<string> {
  if (mediaFolder === undefined) return (await bundleMDX({ source, ...quiet })).code;
  const { code } = await bundleMDX({
    source,
    ...quiet,
    mdxOptions: (options) => {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), markdownImagePaths(mediaFolder)];
      return options;
    },
  });
  return code;
}

/** The public folder of a lesson's files in content/ (copied there at build). */
export const lessonMediaFolder = (id: string) => `/lesson-media/${id}`;

/**
 * Compiles one lesson with mdx-bundler. Runs at build time (scripts/build-content.ts) and in
 * content:check, never per request. Lesson links become ordinary paths.
 */
export async function compileLesson(source: LessonSource): Promise<CompiledLesson> {
  const folder = lessonMediaFolder(source.id);
  const body = mediaAttributePaths(lessonLinksAsPaths(source.body), "src", folder);
  const found = { steps: [] as string[], items: [] as { id: string; kind: ReviewItemKind; start: number; end: number }[] };
  // Errors come back to the caller (content:check prints them with file and line), not to the log.
  const { code } = await bundleMDX({
    source: body,
    ...quiet,
    mdxOptions: (options) => {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), markdownImagePaths(folder), lessonStructure(found, source.frontmatter.title)];
      return options;
    },
  });
  const items: CompiledItem[] = [];
  for (const item of found.items) {
    items.push({ id: item.id, kind: item.kind, code: await compileMdx(body.slice(item.start, item.end), folder) });
  }
  return { id: source.id, locale: source.locale, frontmatter: source.frontmatter, code, steps: found.steps.map((title) => ({ title })), items };
}
