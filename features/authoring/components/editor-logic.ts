/**
 * The editor's arithmetic, apart from the DOM so it can be tested in Node: caret ↔ line and column,
 * where a snippet goes and what it needs around it, unique ids, hotspot numbers and positions.
 * Lines and columns count from 1, like the problems `checkMdx` reports.
 */
import { PHONE_SCREEN, placeBadges, type ScreenSize } from "../../walkthroughs/mark-geometry";

/** A problem as the editor shows it: `checkMdx`'s place and severity, the message already translated. */
export type EditorProblem = { line: number; column: number; severity: "unsafe" | "content"; message: string };

export type Caret = { line: number; column: number };

/** The line and column of a caret offset (a textarea's selectionStart). */
export function caretAt(text: string, offset: number): Caret {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The caret offset of a line and column, kept inside the text: a problem may point past the end of
 * a line or of the document (the author has edited since the check), and the caret then goes as
 * near as the text allows.
 */
export function offsetAt(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < Math.max(1, line); current += 1) {
    const next = text.indexOf("\n", lineStart);
    if (next === -1) return text.length;
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf("\n", lineStart);
  const length = (lineEnd === -1 ? text.length : lineEnd) - lineStart;
  return lineStart + Math.max(0, Math.min(column - 1, length));
}

/**
 * How a snippet sits in the text. A block (a Quiz, a heading) needs a blank line before and after
 * it, or MDX reads it as part of the paragraph around it. A line (a Hotspot) needs a line of its
 * own, and a blank line next to prose. Inline (a KeyTerm) goes where the caret is.
 */
export type Placement = "block" | "line" | "inline";
export type Insertable = { text: string; placement: Placement; /** The placeholder selected after insertion, so typing replaces it. */ select?: string };
export type Insertion = { text: string; selectStart: number; selectEnd: number };

/** The text that replaces `start…end` for a snippet, and what to select afterwards (offsets in the new text). */
export function insertionFor(value: string, start: number, end: number, snippet: Insertable): Insertion {
  const before = value.slice(0, start);
  const after = value.slice(end);
  let lead = "";
  let trail = "";
  if (snippet.placement === "block") {
    lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  } else if (snippet.placement === "line") {
    const isQuiet = (line: string) => line.trim() === "" || line.trim().startsWith("<") || line.trim().endsWith(">");
    const left = before.split("\n").at(-1) ?? "";
    const right = after.split("\n")[0] ?? "";
    if (left.trim() !== "") lead = left.trimEnd().endsWith(">") ? "\n" : "\n\n";
    else if (before.includes("\n") && !isQuiet(before.split("\n").at(-2) ?? "")) lead = "\n";
    if (right.trim() !== "") trail = right.trimStart().startsWith("<") ? "\n" : "\n\n";
    else if (!after.includes("\n")) trail = "\n";
    else if (!isQuiet(after.split("\n")[1] ?? "")) trail = "\n";
  }
  const text = `${lead}${snippet.text}${trail}`;
  const found = snippet.select ? snippet.text.indexOf(snippet.select) : -1;
  const selectStart = found === -1 ? start + lead.length + snippet.text.length : start + lead.length + found;
  const selectEnd = found === -1 ? selectStart : selectStart + snippet.select!.length;
  return { text, selectStart, selectEnd };
}

/**
 * Where a new Hotspot goes for a caret: where it is, unless it is inside another Hotspot's label
 * (just after naming a mark, the caret still sits before its `</Hotspot>`) — then after that mark,
 * so marks never nest.
 */
export function hotspotInsertionPoint(value: string, caret: number): number {
  const lineStart = value.lastIndexOf("\n", caret - 1) + 1;
  const before = value.slice(lineStart, caret);
  if (before.lastIndexOf("<Hotspot") <= before.lastIndexOf("</Hotspot>")) return caret;
  const close = value.indexOf("</Hotspot>", caret);
  const lineEnd = value.indexOf("\n", caret);
  return close !== -1 && (lineEnd === -1 || close < lineEnd) ? close + "</Hotspot>".length : caret;
}

/** `base-1`, `base-2`…: the first that no `id="…"` in the text uses, so a second Quiz does not repeat the first's id. */
export function uniqueId(base: string, text: string): string {
  for (let n = 1; ; n += 1) if (!text.includes(`id="${base}-${n}"`)) return `${base}-${n}`;
}

/** The walkthrough's audience from its frontmatter, or null when it does not say (yet). */
export function audienceOf(text: string): "client" | "worker" | null {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const audience = /^audience:\s*["']?(client|worker)["']?\s*(?:#.*)?$/m.exec(frontmatter)?.[1];
  return audience === "client" || audience === "worker" ? audience : null;
}

/** A mark as written; bx and by (its badge) are null when not written (yet). */
export type Mark = { n: number; x: number; y: number; bx: number | null; by: number | null; label: string };

/** Where the GuideStep around the caret starts (its `<GuideStep`), or 0 when the caret is in none. */
function stepStart(text: string, cursor: number): number {
  return Math.max(0, text.lastIndexOf("<GuideStep", Math.max(0, cursor - 1)));
}

/** The number of the next Hotspot at the caret: the Hotspots between the step's `<GuideStep` and the caret, plus one. */
export function nextHotspotNumber(text: string, cursor: number): number {
  const start = stepStart(text, cursor);
  return text.slice(start, cursor).split("<Hotspot").length;
}

/** The Hotspots of the GuideStep around the caret, as written (numbers, percent, label). */
export function marksAround(text: string, cursor: number): Mark[] {
  const start = stepStart(text, cursor);
  const close = text.indexOf("</GuideStep>", start);
  const block = text.slice(start, close === -1 ? text.length : close);
  return [...block.matchAll(/<Hotspot\b([^>]*)>([\s\S]*?)<\/Hotspot>/g)].map((m) => {
    const attribute = (name: string) => Number(new RegExp(`\\b${name}=(?:\\{\\s*|")(-?[\\d.]+)`).exec(m[1]!)?.[1] ?? Number.NaN);
    const optional = (name: string) => (Number.isFinite(attribute(name)) ? attribute(name) : null);
    return { n: attribute("n"), x: attribute("x"), y: attribute("y"), bx: optional("bx"), by: optional("by"), label: m[2]!.replace(/\s+/g, " ").trim() };
  });
}

/**
 * Where a new mark's badge goes: the first free place beside its target (mark-geometry.ts), clear
 * of the badges and targets of the step's other marks. The editor does not read the screen's words:
 * content:check does, and suggests another place if this one covers some. A screen of unknown
 * proportions is taken for a phone's.
 */
export function badgeForNewMark(
  others: readonly Mark[],
  mark: { n: number; x: number; y: number },
  size: ScreenSize = PHONE_SCREEN,
): { bx: number; by: number } {
  const marks = [...others.filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y)), { ...mark, bx: null, by: null }];
  const placed = placeBadges(marks, size).at(-1)!;
  return { bx: placed.bx, by: placed.by };
}

/** Percent kept inside the screen: content:check wants 0 < x, y < 100, and a mark on the edge would be half off it. */
export function clampPercent(value: number): number {
  return Math.min(99, Math.max(1, Math.round(value)));
}

export type Box = { left: number; top: number; width: number; height: number };

/** A click's place on the image, in percent of its rendered box (integers, 1–99). */
export function percentFromPoint(clientX: number, clientY: number, box: Box): { x: number; y: number } {
  const x = box.width > 0 ? ((clientX - box.left) / box.width) * 100 : 50;
  const y = box.height > 0 ? ((clientY - box.top) / box.height) * 100 : 50;
  return { x: clampPercent(x), y: clampPercent(y) };
}

/** The crosshair moved by an arrow key (1 %, 5 % with Shift), or null for any other key. */
export function movedCrosshair(position: { x: number; y: number }, key: string, isShift: boolean): { x: number; y: number } | null {
  const step = isShift ? 5 : 1;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  const move = moves[key];
  return move ? { x: clampPercent(position.x + move[0]), y: clampPercent(position.y + move[1]) } : null;
}
