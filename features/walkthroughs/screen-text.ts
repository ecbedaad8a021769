/**
 * Where the words of a screen drawing are, estimated from its `<text>` elements: the marks of a
 * step must not hide them (content:check, decision 043). No browser lays the text out here, so
 * each run of text is given a box from its x and y (the baseline), font size, anchor, weight and
 * number of characters — generous, since a badge that misses a word by a pixel on the estimate
 * may still touch it on screen. Transforms are not followed: screens are drawn without them.
 */

/** A run of text's box in the screen's own units (its viewBox). */
export type TextBox = { left: number; top: number; right: number; bottom: number; text: string };

type Style = { fontSize: number; anchor: "start" | "middle" | "end"; isBold: boolean };
type Run = { x: number; y: number; anchor: Style["anchor"]; width: number; fontSize: number; text: string };

/** Average advance of a character in em: Cyrillic and Latin in a system sans-serif, bold a little wider. */
const CHAR_EM = 0.58;
const BOLD_CHAR_EM = 0.62;
/** How far the glyphs reach above and below the baseline, in em. */
const ASCENT_EM = 0.8;
const DESCENT_EM = 0.25;
/** SVG's initial font size. */
const DEFAULT_FONT_SIZE = 16;

function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, m[2] ?? m[3] ?? "");
  const style = out.get("style");
  if (style) {
    for (const declaration of style.split(";")) {
      const [name, value] = declaration.split(":").map((s) => s.trim());
      if (name && value) out.set(name, value);
    }
  }
  return out;
}

/** The first number of an attribute (x and y may list one per character), in user units (`em` of the font size), or null. */
function firstLength(value: string | undefined, fontSize: number): number | null {
  const m = value === undefined ? null : /(-?\d*\.?\d+(?:e-?\d+)?)(em)?/i.exec(value);
  return m ? Number(m[1]) * (m[2] ? fontSize : 1) : null;
}

function styleOf(attrs: Map<string, string>, parent: Style): Style {
  const size = firstLength(attrs.get("font-size"), parent.fontSize);
  const anchor = attrs.get("text-anchor");
  const weight = attrs.get("font-weight");
  return {
    fontSize: size !== null && size > 0 ? size : parent.fontSize,
    anchor: anchor === "start" || anchor === "middle" || anchor === "end" ? anchor : parent.anchor,
    isBold: weight === undefined ? parent.isBold : weight === "bold" || weight === "bolder" || Number(weight) >= 600,
  };
}

function boxOf(run: Run): TextBox | null {
  const text = run.text.replace(/\s+/g, " ").trim();
  if (!text) return null;
  // The run's width was summed per character; leading and trailing spaces take no room.
  const width = run.width * (text.length / Math.max(run.text.length, 1));
  const left = run.anchor === "start" ? run.x : run.anchor === "middle" ? run.x - width / 2 : run.x - width;
  return { left, top: run.y - ASCENT_EM * run.fontSize, right: left + width, bottom: run.y + DESCENT_EM * run.fontSize, text };
}

/**
 * The boxes of an SVG's text: one per `<text>`, and one more for each `<tspan>` that starts at a
 * place of its own (`x`, `y` or `dy`); a tspan without one continues the line it is in. Font size,
 * anchor and weight are inherited from the elements around, as in SVG.
 */
export function screenTextBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const root: Style = { fontSize: DEFAULT_FONT_SIZE, anchor: "start", isBold: false };
  const stack: { name: string; style: Style }[] = [];
  let run: Run | null = null;
  let inText = 0;
  // The place where the next character goes: the end of the last run.
  let penX = 0;
  let penY = 0;
  const flush = () => {
    if (!run) return;
    const box = boxOf(run);
    if (box) boxes.push(box);
    penX = run.anchor === "start" ? run.x + run.width : run.anchor === "middle" ? run.x + run.width / 2 : run.x;
    penY = run.y;
    run = null;
  };
  const skipped = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/gi;
  for (const m of svg.replace(skipped, "").matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, rest, selfClosing, characters] = m;
    const parent = stack.at(-1)?.style ?? root;
    if (characters !== undefined) {
      if (!inText || !run) continue;
      // Entities are one character each.
      const text = characters.replace(/&[#\w]+;/g, "x");
      const r: Run = run;
      r.text += text;
      r.width += text.length * parent.fontSize * (parent.isBold ? BOLD_CHAR_EM : CHAR_EM);
      r.fontSize = Math.max(r.fontSize, parent.fontSize);
      continue;
    }
    if (closing) {
      // Close up to the matching element (tolerates a missing end tag inside).
      const at = stack.map((s) => s.name).lastIndexOf(name!);
      if (at === -1) continue;
      for (const closed of stack.splice(at)) {
        if (closed.name === "text") {
          flush();
          inText--;
        }
      }
      continue;
    }
    const attrs = attributesOf(rest!);
    const style = styleOf(attrs, parent);
    if (name === "text" || (name === "tspan" && inText)) {
      const x = firstLength(attrs.get("x"), style.fontSize);
      const y = firstLength(attrs.get("y"), style.fontSize);
      const dx = firstLength(attrs.get("dx"), style.fontSize) ?? 0;
      const dy = firstLength(attrs.get("dy"), style.fontSize) ?? 0;
      if (name === "text") inText++;
      // A tspan that does not move goes on with the line it is in.
      if (name === "text" || x !== null || y !== null || dy !== 0) {
        flush();
        const start = name === "text" ? { x: 0, y: 0 } : { x: penX, y: penY };
        run = { x: (x ?? start.x) + dx, y: (y ?? start.y) + dy, anchor: style.anchor, width: 0, fontSize: style.fontSize, text: "" };
      }
    }
    if (!selfClosing) stack.push({ name: name!, style });
    else if (name === "text") {
      flush();
      inText--;
    }
  }
  flush();
  return boxes;
}

/** The share of the screen's area under which a rectangle, circle or ellipse counts as a control or an icon, not a panel. */
const SMALL_SHAPE_SHARE = 0.04;

/**
 * The boxes of a screen's small shapes — buttons, icons, check boxes, the dots of a code — in its
 * own units. Not a rule of the check (a badge may sit on a panel or a picture): the places it
 * suggests keep off them too where it can. Paths are not read.
 */
export function screenShapeBoxes(svg: string, size: { width: number; height: number }): TextBox[] {
  const boxes: TextBox[] = [];
  const limit = SMALL_SHAPE_SHARE * size.width * size.height;
  for (const m of svg.matchAll(/<(rect|circle|ellipse)\b([^>]*)>/g)) {
    const attrs = attributesOf(m[2]!);
    const number = (name: string) => firstLength(attrs.get(name), DEFAULT_FONT_SIZE) ?? 0;
    let box: TextBox;
    if (m[1] === "rect") box = { left: number("x"), top: number("y"), right: number("x") + number("width"), bottom: number("y") + number("height"), text: "" };
    else {
      const rx = m[1] === "circle" ? number("r") : number("rx");
      const ry = m[1] === "circle" ? number("r") : number("ry");
      box = { left: number("cx") - rx, top: number("cy") - ry, right: number("cx") + rx, bottom: number("cy") + ry, text: "" };
    }
    const area = (box.right - box.left) * (box.bottom - box.top);
    if (area > 0 && area < limit) boxes.push(box);
  }
  return boxes;
}
