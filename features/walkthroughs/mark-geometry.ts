/**
 * Where a step's numbered marks go (decision 043). A mark points at a target (x, y: its centre, in
 * percent of the screen's width and height) with a leader line whose arrow stops short of the
 * target, so the label there stays readable; its number sits in a badge at (bx, by), beside the
 * target. The badge is a circle BADGE_DIAMETER percent of the screen's width across: content:check
 * keeps it off the screen's words, inside the screen and off the other badges and targets, and
 * suggests a free place found here; the app draws the marks from the same numbers, so what the
 * check passed is what people see.
 *
 * Inside, places are in "width units": x as given, and y scaled by the screen's height over its
 * width, so that a circle is a circle on every screen.
 */
import type { TextBox } from "./screen-text";

/** A screen's size in its own units (an SVG's viewBox). */
export type ScreenSize = { width: number; height: number };
/** A mark as written: target and badge in percent of the screen; bx and by are null when not written. */
export type MarkPlace = { n: number; x: number; y: number; bx: number | null; by: number | null };
/** A mark with its badge placed. */
export type PlacedMark = { n: number; x: number; y: number; bx: number; by: number };

/** The badge's diameter, in percent of the screen's width. */
export const BADGE_DIAMETER = 7;
const BADGE_RADIUS = BADGE_DIAMETER / 2;
/** How far from the target the arrow stops, in percent of the screen's width: the target itself stays clear. */
export const TARGET_GAP = 2.5;
/** The arrow head's length and half its width, in percent of the screen's width. */
const ARROW_LENGTH = 1.75;
const ARROW_HALF_WIDTH = 1.1;
/** Room left between a badge and what it must not touch. */
const CLEARANCE = 0.5;
/** Suggested places: from where the line is just longer than its arrow, outwards in steps, up to this far. */
const FIRST_DISTANCE = BADGE_RADIUS + TARGET_GAP + ARROW_LENGTH + 1.25;
const DISTANCE_STEP = 1.5;
const LAST_DISTANCE = 70;
/**
 * Directions tried at each distance, in degrees clockwise from "right": beside, above and below
 * first, then the diagonals, then between them.
 */
const DIRECTIONS = [0, 180, 270, 90, 315, 225, 45, 135, 337.5, 202.5, 22.5, 157.5, 292.5, 247.5, 67.5, 112.5];

/** A screen of unknown proportions (an uploaded PNG or JPEG) is taken for a phone's. */
export const PHONE_SCREEN: ScreenSize = { width: 360, height: 720 };

/** What a badge at a place would get wrong, or null when the place is free. */
export type BadgeConflict = { kind: "outside" } | { kind: "text"; text: string } | { kind: "badge"; n: number } | { kind: "target"; n: number };

type Point = { u: number; v: number };
type Box = { left: number; top: number; right: number; bottom: number; text: string };
type Scene = {
  /** Height over width. */
  k: number;
  texts: Box[];
  /** Small shapes (controls, icons): suggestions keep off them where they can. */
  shapes: Box[];
  targets: (Point & { n: number })[];
  badges: (Point & { n: number })[];
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const distance = (a: Point, b: Point) => Math.hypot(a.u - b.u, a.v - b.v);

function distanceToBox(p: Point, box: Box): number {
  const du = Math.max(box.left - p.u, 0, p.u - box.right);
  const dv = Math.max(box.top - p.v, 0, p.v - box.bottom);
  return Math.hypot(du, dv);
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const lu = b.u - a.u;
  const lv = b.v - a.v;
  const length2 = lu * lu + lv * lv;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.u - a.u) * lu + (p.v - a.v) * lv) / length2));
  return distance(p, { u: a.u + t * lu, v: a.v + t * lv });
}

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). */
function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const du = b.u - a.u;
  const dv = b.v - a.v;
  for (const [p, q] of [
    [-du, a.u - box.left],
    [du, box.right - a.u],
    [-dv, a.v - box.top],
    [dv, box.bottom - a.v],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The screen's text boxes in width units. */
function textsIn(size: ScreenSize, texts: readonly TextBox[]): Box[] {
  const unit = 100 / size.width;
  return texts.map((t) => ({ left: t.left * unit, top: t.top * unit, right: t.right * unit, bottom: t.bottom * unit, text: t.text }));
}

const pointOf = (x: number, y: number, k: number): Point => ({ u: x, v: y * k });

function sceneOf(marks: readonly MarkPlace[], size: ScreenSize, texts: readonly TextBox[], shapes: readonly TextBox[]): Scene {
  const k = size.height / size.width;
  return {
    k,
    texts: textsIn(size, texts),
    shapes: textsIn(size, shapes),
    targets: marks.map((m) => ({ n: m.n, ...pointOf(m.x, m.y, k) })),
    badges: [],
  };
}

/** A line may cross the room above the capitals and below the baseline: the part of a text's box it must not cross. */
const glyphsOf = (t: Box): Box => ({ ...t, top: t.top + 0.1 * (t.bottom - t.top), bottom: t.bottom - 0.2 * (t.bottom - t.top) });

/** What is wrong with mark n's badge at a place, against the scene's words, rings and (other) badges. */
function conflictAt(badge: Point, n: number, scene: Scene): BadgeConflict | null {
  if (badge.u - BADGE_RADIUS < 0 || badge.u + BADGE_RADIUS > 100 || badge.v - BADGE_RADIUS < 0 || badge.v + BADGE_RADIUS > 100 * scene.k)
    return { kind: "outside" };
  const text = scene.texts.find((t) => distanceToBox(badge, t) < BADGE_RADIUS + CLEARANCE);
  if (text) return { kind: "text", text: text.text };
  const other = scene.badges.find((b) => b.n !== n && distance(badge, b) < BADGE_DIAMETER + CLEARANCE);
  if (other) return { kind: "badge", n: other.n };
  const target = scene.targets.find((t) => distance(badge, t) < BADGE_RADIUS + TARGET_GAP + CLEARANCE);
  if (target) return { kind: "target", n: target.n };
  return null;
}

/** Whether the leader line from a badge to its target runs clear of the words, the other targets and badges. */
function isLineClear(badge: Point, target: Point & { n: number }, scene: Scene): boolean {
  const line = leaderLineIn(badge, target);
  if (!line) return true;
  const [from, to] = line;
  // A target on a word is reached across it, from above or below: the arrow ends in it, crossing a
  // letter, never along the line of text.
  const isSteep = Math.abs(to.v - from.v) >= Math.abs(to.u - from.u) * Math.tan(Math.PI / 3);
  const isCrossed = (box: Box) => segmentCrossesBox(from, to, box) && !(isSteep && distanceToBox(target, box) === 0);
  return (
    !scene.texts.some((t) => isCrossed(glyphsOf(t))) &&
    !scene.badges.some((b) => b.n !== target.n && distanceToSegment(b, from, to) < BADGE_RADIUS) &&
    !scene.targets.some((t) => t.n !== target.n && distanceToSegment(t, from, to) < TARGET_GAP)
  );
}

/** The leader line in width units: from the badge's edge to the arrow's tip, TARGET_GAP short of the target; null when they touch. */
function leaderLineIn(badge: Point, target: Point): [Point, Point] | null {
  const length = distance(badge, target);
  if (length <= BADGE_RADIUS + TARGET_GAP) return null;
  const du = (target.u - badge.u) / length;
  const dv = (target.v - badge.v) / length;
  return [
    { u: badge.u + du * BADGE_RADIUS, v: badge.v + dv * BADGE_RADIUS },
    { u: target.u - du * TARGET_GAP, v: target.v - dv * TARGET_GAP },
  ];
}

/**
 * The first free place for mark n's badge, in whole percent: around its target at growing
 * distances, in the order of DIRECTIONS. First where the badge also keeps off the screen's small
 * shapes and the leader line runs clear, then where the line runs clear, then anywhere the badge
 * itself is free. Null when the screen has no room near the target.
 */
function suggestIn(mark: MarkPlace, scene: Scene): { bx: number; by: number } | null {
  const target = { n: mark.n, ...pointOf(mark.x, mark.y, scene.k) };
  const isOffShapes = (badge: Point) => !scene.shapes.some((s) => distanceToBox(badge, s) < BADGE_RADIUS);
  const passes = [(badge: Point) => isOffShapes(badge) && isLineClear(badge, target, scene), (badge: Point) => isLineClear(badge, target, scene), () => true];
  for (const isGoodEnough of passes) {
    for (let d = FIRST_DISTANCE; d <= LAST_DISTANCE; d += DISTANCE_STEP) {
      for (const degrees of DIRECTIONS) {
        const angle = (degrees * Math.PI) / 180;
        // A place past the screen's edge is moved in to the edge: beside a target near the edge there is room along it.
        const bx = Math.round(clamp(target.u + d * Math.cos(angle), Math.ceil(BADGE_RADIUS), Math.floor(100 - BADGE_RADIUS)));
        const by = Math.round(clamp((target.v + d * Math.sin(angle)) / scene.k, Math.ceil(BADGE_RADIUS / scene.k), Math.floor(100 - BADGE_RADIUS / scene.k)));
        const badge = pointOf(bx, by, scene.k);
        if (!conflictAt(badge, mark.n, scene) && isGoodEnough(badge)) return { bx, by };
      }
    }
  }
  return null;
}

const isWritten = (m: MarkPlace): m is PlacedMark => m.bx !== null && m.by !== null && Number.isFinite(m.bx) && Number.isFinite(m.by);

/** One mark's badge as reviewed: what is wrong with it as written ("missing" without bx/by), and a free place. */
export type BadgeReview = { n: number; problem: BadgeConflict | { kind: "missing" } | null; suggestion: { bx: number; by: number } | null };

/**
 * Reviews a step's badges in order. A badge yields to the badges of the marks before it (as
 * written, or where they were suggested to go), so two badges on top of each other are one
 * problem, the later mark's; a suggestion also keeps off the badges written for later marks.
 */
export function reviewBadges(marks: readonly MarkPlace[], size: ScreenSize, texts: readonly TextBox[], shapes: readonly TextBox[] = []): BadgeReview[] {
  const scene = sceneOf(marks, size, texts, shapes);
  const placed: (Point & { n: number })[] = [];
  return marks.map((mark, i) => {
    const written = isWritten(mark) ? pointOf(mark.bx!, mark.by!, scene.k) : null;
    const conflict = written ? conflictAt(written, mark.n, { ...scene, badges: placed }) : null;
    if (written && !conflict) {
      placed.push({ n: mark.n, ...written });
      return { n: mark.n, problem: null, suggestion: null };
    }
    const later = marks
      .slice(i + 1)
      .filter(isWritten)
      .map((m) => ({ n: m.n, ...pointOf(m.bx, m.by, scene.k) }));
    const suggestion = suggestIn(mark, { ...scene, badges: [...placed, ...later] });
    const kept = suggestion ? pointOf(suggestion.bx, suggestion.by, scene.k) : written;
    if (kept) placed.push({ n: mark.n, ...kept });
    return { n: mark.n, problem: conflict ?? { kind: "missing" }, suggestion };
  });
}

/**
 * Every mark with a badge: where it is written, otherwise the first free place near its target
 * (a guide published before badges had places, or a mark just placed in the editor).
 */
export function placeBadges(marks: readonly MarkPlace[], size: ScreenSize, texts: readonly TextBox[] = []): PlacedMark[] {
  const reviews = reviewBadges(
    marks.map((m) => (isWritten(m) ? m : { ...m, bx: null, by: null })),
    size,
    texts,
  );
  return marks.map((m, i) => {
    if (isWritten(m)) return m;
    // With no room anywhere (a screen crowded with marks), the badge goes just above its target.
    const place = reviews[i]!.suggestion ?? { bx: m.x, by: Math.max(0, Math.round(m.y - (FIRST_DISTANCE * size.width) / size.height)) };
    return { n: m.n, x: m.x, y: m.y, ...place };
  });
}

/** A mark as the app draws it, in units of a hundredth of the badge's diameter, from the target at (0, 0). */
export type MarkDrawing = {
  /** The badge's centre; its radius is 50. */
  badge: { x: number; y: number };
  /** The leader line from the badge's centre (the badge covers its first part) to the arrow's base, and the arrow head; null when the badge is too close for one. */
  line: { x1: number; y1: number; x2: number; y2: number; arrow: string } | null;
  /** The box the drawing takes (a viewBox), with room for the strokes. */
  box: { x: number; y: number; width: number; height: number };
};

/**
 * What the app draws for a placed mark. It is drawn in units of the badge's size, from the target,
 * so that the whole mark scales with the badge: with the picture (the badge is BADGE_DIAMETER
 * percent of its width), or larger on paper, where a small picture would leave the number too
 * small to read. The unknown proportions of a PNG or JPEG screen are taken for a phone's.
 */
export function markDrawing(mark: PlacedMark, size: ScreenSize | null): MarkDrawing {
  const k = (size ?? PHONE_SCREEN).height / (size ?? PHONE_SCREEN).width;
  const scale = 100 / BADGE_DIAMETER;
  const round = (n: number) => Math.round(n * 10) / 10;
  const badge = { x: round((mark.bx - mark.x) * scale), y: round((mark.by - mark.y) * k * scale) };
  const length = Math.hypot(badge.x, badge.y);
  const tip = TARGET_GAP * scale;
  const arrow = ARROW_LENGTH * scale;
  let line: MarkDrawing["line"] = null;
  if (length > 50 + tip + arrow / 2) {
    const ux = -badge.x / length;
    const uy = -badge.y / length;
    const at = (d: number, side = 0) => `${round(badge.x + ux * d - uy * side)},${round(badge.y + uy * d + ux * side)}`;
    const half = ARROW_HALF_WIDTH * scale;
    const [x2, y2] = at(length - tip - arrow / 2)
      .split(",")
      .map(Number) as [number, number];
    line = { x1: badge.x, y1: badge.y, x2, y2, arrow: `M${at(length - tip)}L${at(length - tip - arrow, half)}L${at(length - tip - arrow, -half)}Z` };
  }
  const pad = 12;
  const left = Math.min(badge.x - 50, line ? -tip : badge.x) - pad;
  const top = Math.min(badge.y - 50, line ? -tip : badge.y) - pad;
  const right = Math.max(badge.x + 50, line ? tip : badge.x) + pad;
  const bottom = Math.max(badge.y + 50, line ? tip : badge.y) + pad;
  return { badge, line, box: { x: round(left), y: round(top), width: round(right - left), height: round(bottom - top) } };
}
