import type { CSSProperties } from "react";
import { markDrawing, placeBadges, PHONE_SCREEN, type MarkPlace, type ScreenSize } from "../mark-geometry";

/**
 * The numbered marks over a step's screen (decision 043): for each, a badge with its number beside
 * the target and a leader line whose arrow stops short of it, so the label there stays readable.
 * It covers the picture it is put in (a positioned box exactly around the image) and is hidden
 * from assistive technology: the legend lists the marks in words.
 *
 * Each mark is a small SVG placed at its target and sized in units of the badge, which is
 * `--guide-badge` wide (app/globals.css): 7 % of the picture's width (BADGE_DIAMETER), so the marks
 * grow and shrink with the picture as content:check measured them; larger on paper. No script: the
 * player, the handout, the enlarged screens and the editor's preview draw them alike.
 */
export function GuideMarks({ marks, size }: { marks: readonly MarkPlace[]; size: ScreenSize | null }) {
  const placed = placeBadges(marks, size ?? PHONE_SCREEN);
  return (
    <div className="guide-marks" aria-hidden="true">
      {placed.map((mark, index) => {
        const { badge, line, box } = markDrawing(mark, size);
        const inBadges = (n: number) => String(+(n / 100).toFixed(3));
        // The leader and its arrow are one shape, drawn twice: a white halo under the amber line. A
        // guide's every screen is in its page's data, so each mark is kept to a few numbers.
        const leader = line ? `M${line.x1},${line.y1}L${line.x2},${line.y2}${line.arrow}` : null;
        return (
          <svg
            key={`${mark.n}-${index}`}
            className="guide-mark"
            viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
            style={
              {
                "--x": `${mark.x}%`,
                "--y": `${mark.y}%`,
                "--bx": inBadges(box.x),
                "--by": inBadges(box.y),
                "--bw": inBadges(box.width),
                "--bh": inBadges(box.height),
              } as CSSProperties
            }
          >
            {leader ? (
              <>
                <path className="guide-mark-halo" d={leader} />
                <path className="guide-mark-line" d={leader} />
              </>
            ) : null}
            <circle className="guide-mark-badge" cx={badge.x} cy={badge.y} r={47} />
            <text className="guide-mark-number" x={badge.x} y={badge.y}>
              {Number.isFinite(mark.n) ? mark.n : "?"}
            </text>
          </svg>
        );
      })}
    </div>
  );
}
