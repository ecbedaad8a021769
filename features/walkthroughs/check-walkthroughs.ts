import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ContentProblem } from "../competences/check-framework";
import { bodyReporter, checkComponentsAndItems, lessonLinkProblems, readMdxFiles, type MdxSource } from "../content/mdx-files";
import { authoredFileRef } from "../content/media-path";
import { UPLOAD_TYPES } from "../../server/storage/content";
import { WALKTHROUGH_COMPONENTS, ZWalkthroughFrontmatter, type GuideStepInfo, type TWalkthroughFrontmatter } from "./schemas";

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
    }
  }
  return { walkthroughs, problems };
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
        const viewBox = /<svg\b[^>]*\bviewBox="\s*[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
        if (!viewBox) where("screen", `${screen} needs a viewBox`);
        else wide = Number(viewBox[1]) > Number(viewBox[2]);
      }
    }
    const hotspots = [...inner.matchAll(/<Hotspot\b([^>]*)>([\s\S]*?)<\/Hotspot>/g)].map((h) => {
      const a = attributes(h[1]!);
      return { n: Number(a.n), x: Number(a.x), y: Number(a.y), label: h[2]!.replace(/\s+/g, " ").trim() };
    });
    if (!hotspots.length) where("Hotspot", "mark at least one thing on the screen with a <Hotspot>");
    hotspots.forEach((h, i) => {
      if (h.n !== i + 1) where("Hotspot.n", `hotspots are numbered 1, 2, 3… in order; found ${Number.isNaN(h.n) ? "no number" : h.n} at position ${i + 1}`);
      if (!(h.x > 0 && h.x < 100 && h.y > 0 && h.y < 100)) where("Hotspot", `hotspot ${i + 1} is outside the screen: x and y are percent, between 0 and 100`);
      if (h.label.length < 2) where("Hotspot", `hotspot ${i + 1} needs a label`);
    });
    if (!/<Expect>[\s\S]*?\S[\s\S]*?<\/Expect>/.test(inner)) where("Expect", "say what the person should see next");
    if (!/<Mistakes>[\s\S]*<Mistake>/.test(inner)) where("Mistakes", "name at least one common mistake");
    const tells = /<TellClient>/.test(inner);
    if (source.frontmatter.audience === "client" && !tells) where("TellClient", "a client guide says what to tell the client in every step");
    if (source.frontmatter.audience === "worker" && tells) where("TellClient", 'only guides with audience "client" say what to tell the client');
    steps.push({ id: attrs.id ?? "", title: attrs.title ?? "", screen, alt: attrs.alt ?? "", wide, hotspots });
  }
  return steps;
}
