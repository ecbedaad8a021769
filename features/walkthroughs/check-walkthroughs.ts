import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ContentProblem } from "../competences/check-framework";
import { bodyReporter, checkComponentsAndItems, lessonLinkProblems, readMdxFiles, type MdxSource } from "../content/mdx-files";
import { authoredFileRef } from "../content/media-path";
import { UPLOAD_TYPES } from "../../server/storage/content";
import { WALKTHROUGH_COMPONENTS, ZWalkthroughFrontmatter, type GuideStepInfo, type Hotspot, type TWalkthroughFrontmatter } from "./schemas";
import { BADGE_DIAMETER, PHONE_SCREEN, reviewBadges, type BadgeReview, type ScreenSize } from "./mark-geometry";
import { screenShapeBoxes, screenTextBoxes, type TextBox } from "./screen-text";

export type WalkthroughSource = MdxSource<TWalkthroughFrontmatter> & { steps: GuideStepInfo[] };

/** Screens are small line drawings; anything bigger is a photo or a copied screenshot. */
const MAX_SCREEN_BYTES = 30 * 1024;
/** An uploaded PNG or JPEG screen is a screenshot: the upload limit is its limit (decision 029). */
const MAX_RASTER_SCREEN_BYTES = UPLOAD_TYPES["image/png"].maxBytes;
const CONTENT_SCREEN = /^\.\/[\w.-]+\.svg$/;

/**
 * A screen as read: its text (an SVG's markup; "" for PNG and JPEG), its size in bytes and its
 * type (SVG when not given: content/'s screens are SVG files).
 */
export type ScreenFile = { text: string; bytes: number; contentType?: string };
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** String attributes (`a="…"`) and expression attributes (`a={…}`) of a JSX tag. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) out[m[1]!] = (m[2] ?? m[3] ?? "").trim();
  return out;
}

/**
 * Reads every walkthrough and reports each problem as `file:line: field: problem`: frontmatter,
 * unknown components, steps without a screen, alt text, what to expect or common mistakes,
 * hotspots outside the screen or out of order, what to tell the client in a client guide,
 * screens that are missing or unsafe, a translation whose steps differ, broken lesson links.
 */
export function checkWalkthroughs(
  root: string,
  competenceIds: Set<string>,
  lessonIds: Set<string>,
): { walkthroughs: WalkthroughSource[]; problems: ContentProblem[] } {
  const { sources, problems } = readMdxFiles(join(root, "walkthroughs"), ZWalkthroughFrontmatter, "walkthrough", competenceIds);
  const walkthroughs: WalkthroughSource[] = [];
  for (const source of sources) {
    const steps = checkWalkthroughBody(source, bodyReporter(source, problems), (screen) => readScreenFile(source.file, screen), {
      uploadedScreens: false,
    });
    problems.push(...lessonLinkProblems(source, lessonIds));
    walkthroughs.push({ ...source, steps });
  }
  // A translation walks through the same steps: progress and reports are kept by step id.
  for (const en of walkthroughs.filter((w) => w.locale === "en")) {
    const uk = walkthroughs.find((w) => w.id === en.id && w.locale === "uk");
    if (uk && uk.steps.map((s) => s.id).join() !== en.steps.map((s) => s.id).join()) {
      problems.push({
        file: en.file,
        line: en.bodyLine,
        field: "GuideStep",
        message: `steps must match the Ukrainian version: ${uk.steps.map((s) => s.id).join(", ")}`,
      });
    } else if (uk) problems.push(...translatedMarkProblems(uk, en));
  }
  return { walkthroughs, problems };
}

const markPlace = (h: Hotspot) => `x=${h.x} y=${h.y} bx=${h.bx ?? "?"} by=${h.by ?? "?"}`;

/** A translation shows the same screens, so its marks are where the Ukrainian ones are. */
function translatedMarkProblems(uk: WalkthroughSource, en: WalkthroughSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  en.steps.forEach((step, i) => {
    const original = uk.steps[i]!;
    const places = (s: GuideStepInfo) => s.hotspots.map(markPlace).join("; ");
    if (places(step) !== places(original))
      problems.push({
        file: en.file,
        line: en.bodyLine,
        field: `GuideStep[${step.id}].Hotspot`,
        message: `the marks must be where the Ukrainian version has them (the screen is the same): ${original.hotspots.map((h) => `${h.n}: ${markPlace(h)}`).join("; ")}`,
      });
  });
  return problems;
}

/** A screen of a guide in content/: the file beside the MDX file, or null when there is none. */
function readScreenFile(mdxFile: string, screen: string): ScreenFile | null {
  const file = join(dirname(mdxFile), screen.slice(2));
  return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
}

/**
 * The rules for one walkthrough's body: only walkthrough components, well-formed practice items,
 * steps with ids, titles, alt text, a safe screen (read through `readScreen`, so a document
 * written in the app can give its uploaded screens), numbered hotspots on the screen, Expect,
 * Mistakes and TellClient by audience. Reports by offset in the body; returns the steps.
 *
 * Screens are SVG files beside the guide (`./name.svg`) — all that content/ takes
 * (`uploadedScreens: false`). A guide written in the app may also name uploaded files
 * (`./f-<id>.svg|png|jpg|jpeg`, decision 029); only those may be PNG or JPEG screenshots.
 */
export function checkWalkthroughBody(
  source: { body: string; frontmatter: Pick<TWalkthroughFrontmatter, "audience"> },
  at: (index: number, field: string, message: string) => void,
  readScreen: (screen: string) => ScreenFile | null,
  { uploadedScreens = true }: { uploadedScreens?: boolean } = {},
): GuideStepInfo[] {
  const { items } = checkComponentsAndItems(source.body, WALKTHROUGH_COMPONENTS, at);
  if (items === 0) at(0, "Quiz", "end the guide with a practice check: at least one Quiz or TrueFalse");
  const steps: GuideStepInfo[] = [];
  const blocks = [...source.body.matchAll(/<GuideStep\b([^>]*)>([\s\S]*?)<\/GuideStep>/g)];
  if (blocks.length < 2) at(0, "GuideStep", "a walkthrough needs at least two steps");
  if (blocks.length && !source.body.slice(0, blocks[0]!.index).trim())
    at(0, "intro", "open with a short paragraph: what the guide is for and what is needed beforehand");
  for (const block of blocks) {
    const attrs = attributes(block[1]!);
    const inner = block[2]!;
    const where = (field: string, message: string) => at(block.index, `GuideStep${attrs.id ? `[${attrs.id}]` : ""}.${field}`, message);
    if (!attrs.id || !STEP_ID.test(attrs.id)) where("id", "needs an id of lowercase letters, digits and hyphens");
    else if (steps.some((s) => s.id === attrs.id)) where("id", `duplicate step id "${attrs.id}"`);
    if (!attrs.title || attrs.title.length < 3) where("title", "needs a short title");
    if (!attrs.alt || attrs.alt.length < 10) where("alt", "every screen needs alt text describing it");
    const screen = attrs.screen ?? "";
    let wide = false;
    /** The screen's size and words, known for an SVG with a viewBox (a PNG or JPEG has neither for the check). */
    let size: ScreenSize | null = null;
    let texts: TextBox[] = [];
    let shapes: TextBox[] = [];
    const uploaded = authoredFileRef(screen);
    if (uploaded && !uploadedScreens) where("screen", `${screen}: names "./f-…" stand for files uploaded in the app; give the screen another name`);
    else if (!uploaded && !CONTENT_SCREEN.test(screen))
      where(
        "screen",
        uploadedScreens
          ? 'needs a screen: an SVG file of the guide ("./name.svg") or an uploaded SVG, PNG or JPEG ("./f-<id>.png")'
          : 'needs a screen: an SVG file in the guide\'s folder, written "./name.svg"',
      );
    else {
      const found = readScreen(screen);
      const type = found?.contentType ?? "image/svg+xml";
      if (!found) where("screen", `no file ${screen}`);
      else if (uploaded && type !== uploaded.contentType) where("screen", `${screen} is stored as ${type}, not ${uploaded.contentType}`);
      else if (type === "image/png" || type === "image/jpeg") {
        // A screenshot: the upload checked its bytes; only its size is a screen's concern here.
        if (found.bytes > MAX_RASTER_SCREEN_BYTES) where("screen", `${screen} is larger than ${MAX_RASTER_SCREEN_BYTES / 1024 / 1024} MB`);
      } else if (type !== "image/svg+xml") where("screen", `${screen} is not an SVG, PNG or JPEG file`);
      else {
        const svg = found.text;
        if (found.bytes > MAX_SCREEN_BYTES) where("screen", `${screen} is larger than ${MAX_SCREEN_BYTES / 1024} KB: screens are simple drawings`);
        if (/<script\b|<foreignObject\b|\son\w+=|(?:href|src)="(?!#)/i.test(svg))
          where("screen", `${screen} has scripts, event handlers or external references`);
        const viewBox = /<svg\b[^>]*\bviewBox="\s*([\d.-]+)[\s,]+([\d.-]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
        if (!viewBox || !(Number(viewBox[3]) > 0 && Number(viewBox[4]) > 0)) where("screen", `${screen} needs a viewBox`);
        else {
          const [minX, minY, width, height] = viewBox.slice(1).map(Number) as [number, number, number, number];
          size = { width, height };
          wide = width > height;
          const fromOrigin = (t: TextBox) => ({ ...t, left: t.left - minX, right: t.right - minX, top: t.top - minY, bottom: t.bottom - minY });
          texts = screenTextBoxes(svg).map(fromOrigin);
          shapes = screenShapeBoxes(svg, size).map(fromOrigin);
        }
      }
    }
    const innerAt = block.index + block[0].indexOf(">") + 1;
    const written = [...inner.matchAll(/<Hotspot\b([^>]*)>([\s\S]*?)<\/Hotspot>/g)].map((h) => {
      const a = attributes(h[1]!);
      const optional = (value: string | undefined) => (value === undefined ? null : Number(value));
      const hotspot: Hotspot = {
        n: Number(a.n),
        x: Number(a.x),
        y: Number(a.y),
        bx: optional(a.bx),
        by: optional(a.by),
        label: h[2]!.replace(/\s+/g, " ").trim(),
      };
      return { hotspot, at: innerAt + h.index };
    });
    const hotspots = written.map((w) => w.hotspot);
    if (!hotspots.length) where("Hotspot", "mark at least one thing on the screen with a <Hotspot>");
    let isPlaced = true;
    hotspots.forEach((h, i) => {
      if (h.n !== i + 1) where("Hotspot.n", `hotspots are numbered 1, 2, 3… in order; found ${Number.isNaN(h.n) ? "no number" : h.n} at position ${i + 1}`);
      if (!(h.x > 0 && h.x < 100 && h.y > 0 && h.y < 100)) {
        where("Hotspot", `hotspot ${i + 1} is outside the screen: x and y are percent, between 0 and 100`);
        isPlaced = false;
      }
      if (h.label.length < 2) where("Hotspot", `hotspot ${i + 1} needs a label`);
    });
    // The badges, once every target is on the screen: by the drawing's own words and size, or, for a
    // PNG or JPEG screenshot, only that they are given and on the screen.
    if (isPlaced && hotspots.length) {
      const reviews = reviewBadges(hotspots, size ?? PHONE_SCREEN, texts, shapes);
      written.forEach(({ hotspot, at: index }, i) => {
        const message = badgeMessage(hotspot, reviews[i]!, size !== null);
        if (message) at(index, `GuideStep${attrs.id ? `[${attrs.id}]` : ""}.Hotspot`, message);
      });
    }
    if (!/<Expect>[\s\S]*?\S[\s\S]*?<\/Expect>/.test(inner)) where("Expect", "say what the person should see next");
    if (!/<Mistakes>[\s\S]*<Mistake>/.test(inner)) where("Mistakes", "name at least one common mistake");
    const tells = /<TellClient>/.test(inner);
    if (source.frontmatter.audience === "client" && !tells) where("TellClient", "a client guide says what to tell the client in every step");
    if (source.frontmatter.audience === "worker" && tells) where("TellClient", 'only guides with audience "client" say what to tell the client');
    steps.push({ id: attrs.id ?? "", title: attrs.title ?? "", screen, alt: attrs.alt ?? "", wide, size, hotspots });
  }
  return steps;
}

const shortLabel = (label: string) => (label.length > 40 ? `${label.slice(0, 39)}…` : label);

/**
 * What is wrong with a mark's badge, in words an author acts on: which mark, what the badge does
 * where it is, and a free place to copy. Null when nothing is. A screenshot (no size or words
 * known) is held only to badges that are given and on the screen.
 */
function badgeMessage(h: Hotspot, review: BadgeReview, isDrawing: boolean): string | null {
  const mark = `mark ${h.n} (${shortLabel(h.label)})`;
  const free = review.suggestion
    ? `; a free place: bx={${review.suggestion.bx}} by={${review.suggestion.by}}`
    : "; no free place near it: move the target or thin out the screen's words around it";
  const problem = review.problem;
  if (!problem) return null;
  if (problem.kind === "missing")
    return `${mark} needs bx and by: where its numbered badge sits beside the target, in percent of the screen${review.suggestion ? `, e.g. bx={${review.suggestion.bx}} by={${review.suggestion.by}}` : ""}`;
  const badge = `${mark}: its badge at bx=${h.bx} by=${h.by}`;
  if (problem.kind === "outside") return `${badge} reaches outside the screen (it is ${BADGE_DIAMETER} % of the screen's width across)${free}`;
  if (!isDrawing) return null;
  if (problem.kind === "text") return `${badge} covers the screen's text «${shortLabel(problem.text)}»${free}`;
  if (problem.kind === "badge") return `${badge} overlaps the badge of mark ${problem.n}${free}`;
  return problem.n === h.n ? `${badge} covers its own target${free}` : `${badge} covers the target of mark ${problem.n}${free}`;
}
