import { bundleMDX } from "mdx-bundler";
import { quiet, stepElement, type MdNode } from "../lessons/compile";
import { markdownImagePaths, mediaAttributePaths, mediaPath } from "../content/media-path";
import type { WalkthroughSource } from "./check-walkthroughs";
import type { GuideStepInfo, TWalkthroughFrontmatter } from "./schemas";

export type CompiledWalkthrough = {
  id: string;
  locale: "uk" | "en";
  frontmatter: TWalkthroughFrontmatter;
  /** Function body for getMDXComponent (server only); its top level is one <LessonStep> per screen. */
  code: string;
  /** The guide's steps with their screens and hotspots (the player's screens between the opening and the practice). */
  steps: GuideStepInfo[];
  /** The practice check's items, for the completion. */
  items: { id: string }[];
};

/** The public folder of a walkthrough's screens in content/ (copied there at build). */
export const walkthroughMediaFolder = (id: string) => `/walkthrough-media/${id}`;

/** Where a screen is served: content/'s from the walkthrough's folder, an uploaded one (`./f-<id>.png`) from the file route. */
export const screenPath = (id: string, file: string) => mediaPath(walkthroughMediaFolder(id), file);

/**
 * Screens of the player: the opening (what is needed beforehand), one per GuideStep, and the
 * practice check after the last step.
 */
function guideScreens() {
  return () => (tree: MdNode) => {
    const children = tree.children ?? [];
    const isStep = (n: MdNode) => n.type === "mdxJsxFlowElement" && n.name === "GuideStep";
    const last = children.findLastIndex(isStep);
    const kept: MdNode[] = [];
    const screens: MdNode[][] = [[]];
    children.forEach((child, i) => {
      if (child.type === "mdxjsEsm") kept.push(child);
      else if (isStep(child)) screens.push([child]);
      else if (i > last && screens.length === children.filter(isStep).length + 1) screens.push([child]);
      else screens.at(-1)!.push(child);
    });
    // Every guide opens with what is needed beforehand; the check keeps that screen present.
    tree.children = [...kept, ...screens.map((nodes, i) => stepElement(i, nodes))];
  };
}

/** Compiles one checked walkthrough at build time; screens become public paths, lesson links ordinary ones. */
export async function compileWalkthrough(source: WalkthroughSource): Promise<CompiledWalkthrough> {
  const steps = new Map(source.steps.map((s) => [s.id, s]));
  const folder = walkthroughMediaFolder(source.id);
  // What the app fills in for a step: a wide screen goes above the text; the screen's size places its marks.
  const filledIn = (id: string) => {
    const step = steps.get(id);
    return `${step?.wide ? " wide" : ""}${step?.size ? ` size="${step.size.width} ${step.size.height}"` : ""}`;
  };
  const body = mediaAttributePaths(
    source.body
      .replace(/\]\(lesson:([a-z0-9-]+)\)/g, "](/lessons/$1)")
      .replace(/<GuideStep\b(?=[^>]*\bid="([^"]+)")/g, (tag, id: string) => `${tag}${filledIn(id)}`),
    "screen",
    folder,
  );
  const { code } = await bundleMDX({
    source: body,
    ...quiet,
    mdxOptions: (options) => {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), markdownImagePaths(folder), guideScreens()];
      return options;
    },
  });
  const items = [...source.body.matchAll(/<(?:Quiz|TrueFalse)\b[^>]*\bid="([^"]+)"/g)].map((m) => ({ id: m[1]! }));
  return {
    id: source.id,
    locale: source.locale,
    frontmatter: source.frontmatter,
    code,
    steps: source.steps.map((s) => ({ ...s, screen: screenPath(source.id, s.screen) })),
    items,
  };
}
