import { describe, expect, it } from "vitest";
import { BADGE_DIAMETER, TARGET_GAP, markDrawing, placeBadges, reviewBadges, type MarkPlace } from "./mark-geometry";
import { screenShapeBoxes, screenTextBoxes, type TextBox } from "./screen-text";

const PHONE = { width: 360, height: 720 };
const WEB = { width: 1000, height: 625 };
const svg = (inner: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 720"${attrs}><title>Екран</title>${inner}</svg>`;
const mark = (n: number, x: number, y: number, bx: number | null = null, by: number | null = null): MarkPlace => ({ n, x, y, bx, by });

describe("the words of a screen drawing", () => {
  it("boxes each <text> from its baseline, font size, anchor, weight and number of characters", () => {
    const [start, middle, end] = screenTextBoxes(
      svg(
        '<text x="10" y="100" font-size="20">Вхід</text><text x="180" y="200" font-size="10" font-weight="700" text-anchor="middle">Увійти</text><text x="350" y="300" text-anchor="end">Далі</text>',
      ),
    );
    expect(start).toMatchObject({ text: "Вхід", left: 10, top: 100 - 0.8 * 20, bottom: 100 + 0.25 * 20 });
    expect(start!.right).toBeCloseTo(10 + 4 * 0.58 * 20);
    // Bold is wider; "middle" centres the box on x.
    expect(middle!.right - middle!.left).toBeCloseTo(6 * 0.62 * 10);
    expect((middle!.left + middle!.right) / 2).toBeCloseTo(180);
    // No font size: SVG's 16; "end" ends the box at x.
    expect(end).toMatchObject({ text: "Далі", right: 350, bottom: 300 + 0.25 * 16 });
  });

  it("inherits font size, anchor and weight from the elements around, and reads them from style too", () => {
    const [inGroup, styled] = screenTextBoxes(
      svg(
        '<g font-size="30" text-anchor="end"><text x="300" y="50">Так</text></g><text x="0" y="90" style="font-size: 12px; font-weight: bold">Ні</text>',
        ' font-size="15"',
      ),
    );
    expect(inGroup).toMatchObject({ right: 300, top: 50 - 24 });
    expect(inGroup!.left).toBeCloseTo(300 - 3 * 0.58 * 30);
    expect(styled!.right).toBeCloseTo(2 * 0.62 * 12);
  });

  it("gives a tspan that moves (x, y, dy, in em too) a box of its own, and lets one that does not continue the line", () => {
    const boxes = screenTextBoxes(
      svg(
        '<text x="20" y="100" font-size="10"><tspan>Паспорт</tspan><tspan x="20" dy="1.5em">Картка &amp; код</tspan><tspan font-weight="700"> більше</tspan></text>',
      ),
    );
    expect(boxes.map((b) => b.text)).toEqual(["Паспорт", "Картка x код більше"]);
    expect(boxes[1]).toMatchObject({ left: 20, bottom: 115 + 2.5 });
    // Its width counts the regular part and the bold part at their own widths.
    expect(boxes[1]!.right - boxes[1]!.left).toBeCloseTo((12 * 0.58 + 7 * 0.62) * 10);
  });

  it("ignores comments, titles and empty text", () => {
    expect(screenTextBoxes(svg('<!-- <text x="1" y="1">Ні</text> --><text x="5" y="5">  </text><text x="1" y="1"/>'))).toEqual([]);
  });

  it("takes small rectangles, circles and ellipses for controls and icons, and leaves panels out", () => {
    const shapes = screenShapeBoxes(
      svg(
        '<rect width="360" height="720"/><rect x="26" y="560" width="308" height="52"/><circle cx="100" cy="100" r="28"/><ellipse cx="10" cy="20" rx="5" ry="4"/>',
      ),
      PHONE,
    );
    expect(shapes).toEqual([
      { left: 72, top: 72, right: 128, bottom: 128, text: "" },
      { left: 5, top: 16, right: 15, bottom: 24, text: "" },
    ]);
  });
});

describe("where a mark's badge goes", () => {
  const label: TextBox = { left: 127, top: 578, right: 233, bottom: 596, text: "Поділитися" };

  it("takes a written badge that is free as it is", () => {
    expect(reviewBadges([mark(1, 50, 81, 50, 72)], PHONE, [label])).toEqual([{ n: 1, problem: null, suggestion: null }]);
  });

  it("suggests, for a badge not written, the nearest free place: beside the target first, farther out when words are there", () => {
    const [free] = reviewBadges([mark(1, 50, 40)], PHONE, []);
    expect(free).toEqual({ n: 1, problem: { kind: "missing" }, suggestion: { bx: 59, by: 40 } });
    // A target on a button's label: not along the label (its line would strike the word through), but above or below it.
    const [onLabel] = reviewBadges([mark(1, 50, 81)], PHONE, [label]);
    expect(onLabel!.suggestion!.bx).toBe(50);
    expect(Math.abs(onLabel!.suggestion!.by - 81)).toBeGreaterThanOrEqual(4);
    expect(reviewBadges([mark(1, 50, 81, onLabel!.suggestion!.bx, onLabel!.suggestion!.by)], PHONE, [label])[0]!.problem).toBeNull();
  });

  it("names what a badge gets wrong: off the screen, on words, on another badge, on a target", () => {
    const review = (marks: MarkPlace[]) => reviewBadges(marks, PHONE, [label]).map((r) => r.problem);
    expect(review([mark(1, 50, 50, 2, 50)])).toEqual([{ kind: "outside" }]);
    expect(review([mark(1, 50, 50, 50, 99)])).toEqual([{ kind: "outside" }]);
    expect(review([mark(1, 50, 70, 50, 81)])).toEqual([{ kind: "text", text: "Поділитися" }]);
    expect(review([mark(1, 20, 20, 20, 26), mark(2, 60, 20, 22, 27)])).toEqual([null, { kind: "badge", n: 1 }]);
    expect(review([mark(1, 20, 20, 20, 30), mark(2, 60, 60, 22, 21)])).toEqual([null, { kind: "target", n: 1 }]);
  });

  it("keeps every suggestion of a crowded step free of the others, written or suggested", () => {
    const words: TextBox[] = Array.from({ length: 8 }, (_, i) => ({ left: 20, top: 80 + i * 70, right: 300, bottom: 100 + i * 70, text: `Рядок ${i}` }));
    const marks = [mark(1, 30, 15), mark(2, 30, 15), mark(3, 50, 45, 60, 17), mark(4, 50, 45)];
    const reviews = reviewBadges(marks, PHONE, words);
    expect(reviews.map((r) => r.problem?.kind ?? null)).toEqual(["missing", "missing", null, "missing"]);
    const placed = marks.map((m, i) => ({ ...m, bx: m.bx ?? reviews[i]!.suggestion!.bx, by: m.by ?? reviews[i]!.suggestion!.by }));
    expect(reviewBadges(placed, PHONE, words).map((r) => r.problem)).toEqual([null, null, null, null]);
  });

  it("fills in the badges a guide does not give, keeping those it does", () => {
    expect(placeBadges([mark(1, 50, 50, 70, 70), mark(2, 50, 50)], WEB)).toEqual([
      { n: 1, x: 50, y: 50, bx: 70, by: 70 },
      { n: 2, x: 50, y: 50, bx: 59, by: 50 },
    ]);
  });
});

describe("a mark as drawn", () => {
  it("is in units of a hundredth of the badge, from the target, with the arrow stopping short of it", () => {
    // 14 % of the width to the right of the target is two badges; 7 % of the height of a phone screen is one badge (twice as tall as wide).
    const drawing = markDrawing({ n: 1, x: 50, y: 50, bx: 50 + 2 * BADGE_DIAMETER, by: 50 }, PHONE);
    expect(drawing.badge).toEqual({ x: 200, y: 0 });
    const tip = (TARGET_GAP / BADGE_DIAMETER) * 100;
    expect(drawing.line).toMatchObject({ x1: 200, y1: 0, y2: 0 });
    // The arrow's point is the tip, TARGET_GAP from the target; the line stops inside the arrow head.
    expect(drawing.line!.arrow.startsWith(`M${Math.round(tip * 10) / 10},0L`)).toBe(true);
    expect(drawing.line!.x2).toBeGreaterThan(tip);
    expect(markDrawing({ n: 1, x: 50, y: 50, bx: 50, by: 50 + BADGE_DIAMETER / 2 }, PHONE).badge).toEqual({ x: 0, y: 100 });
  });

  it("has no line when the badge touches the target, and a box holding the badge and the tip", () => {
    const close = markDrawing({ n: 1, x: 50, y: 50, bx: 54, by: 50 }, WEB);
    expect(close.line).toBeNull();
    const far = markDrawing({ n: 1, x: 50, y: 50, bx: 20, by: 80 }, WEB);
    expect(far.box.x).toBeLessThanOrEqual(far.badge.x - 50);
    expect(far.box.y + far.box.height).toBeGreaterThanOrEqual(far.badge.y + 50);
    expect(far.box.x + far.box.width).toBeGreaterThan(0);
    expect(far.box.y).toBeLessThan(0);
  });
});
