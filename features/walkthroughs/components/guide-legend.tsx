import type { ReactNode } from "react";

/** The marks of a screen in words (the legend under a step's picture and on the full-size screens page). */
export function GuideLegendItems({ marks }: { marks: { n: number; label: ReactNode }[] }) {
  return marks.map((m) => (
    <li key={m.n} className="guide-legend-item">
      <span aria-hidden="true" className="guide-legend-number">
        {m.n}
      </span>
      <span>
        <span className="sr-only">{m.n}. </span>
        {m.label}
      </span>
    </li>
  ));
}
