/**
 * Levels per area over time as a server-rendered SVG (no chart library, nothing to download).
 * Lines differ by colour and by marker shape and dash, so they read without colour too; the table
 * beside it carries the same numbers for screen readers and for printing.
 */
type Series = { id: string; title: string; points: (number | null)[] };

const COLOURS = ["#0b5d3b", "#1d4ed8", "#b45309", "#7e22ce", "#be123c", "#0f766e"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 4", "10 4"];

function Marker({ index, x, y, colour }: { index: number; x: number; y: number; colour: string }) {
  const s = 5;
  switch (index % 6) {
    case 0:
      return <circle cx={x} cy={y} r={s} fill={colour} />;
    case 1:
      return <rect x={x - s} y={y - s} width={s * 2} height={s * 2} fill={colour} />;
    case 2:
      return <polygon points={`${x},${y - s - 1} ${x + s + 1},${y + s} ${x - s - 1},${y + s}`} fill={colour} />;
    case 3:
      return <polygon points={`${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}`} fill={colour} />;
    case 4:
      return <circle cx={x} cy={y} r={s} fill="white" stroke={colour} strokeWidth={2.5} />;
    default:
      return <rect x={x - s} y={y - s} width={s * 2} height={s * 2} fill="white" stroke={colour} strokeWidth={2.5} />;
  }
}

export function AreaChart({ labels, series, title, description }: { labels: string[]; series: Series[]; title: string; description: string }) {
  const width = 640;
  const height = 300;
  const pad = { left: 36, right: 16, top: 16, bottom: 40 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (labels.length === 1 ? innerW / 2 : (i * innerW) / (labels.length - 1));
  const y = (level: number) => pad.top + innerH - (level / 8) * innerH;
  return (
    <figure className="mb-4">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="area-chart-title area-chart-desc" className="h-auto w-full max-w-3xl">
        <title id="area-chart-title">{title}</title>
        <desc id="area-chart-desc">{description}</desc>
        {[0, 2, 4, 6, 8].map((level) => (
          <g key={level}>
            <line x1={pad.left} x2={width - pad.right} y1={y(level)} y2={y(level)} stroke="#d4d4d4" />
            <text x={pad.left - 8} y={y(level) + 5} textAnchor="end" fontSize="13" fill="#4a4a4a">
              {level}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <text key={i} x={x(i)} y={height - 14} textAnchor="middle" fontSize="13" fill="#4a4a4a">
            {label}
          </text>
        ))}
        {series.map((s, si) => {
          const colour = COLOURS[si % COLOURS.length]!;
          const pts = s.points.map((p, i) => (p === null ? null : ([x(i), y(p)] as const))).filter((p): p is readonly [number, number] => p !== null);
          return (
            <g key={s.id}>
              {pts.length > 1 ? (
                <polyline
                  points={pts.map((p) => p.join(",")).join(" ")}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2.5}
                  strokeDasharray={DASHES[si % DASHES.length]}
                />
              ) : null}
              {pts.map(([px, py], i) => (
                <Marker key={i} index={si} x={px} y={py} colour={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-hidden="true">
          {series.map((s, si) => (
            <li key={s.id} className="inline-flex items-center gap-2">
              <svg width="34" height="14" viewBox="0 0 34 14">
                <line x1="2" x2="32" y1="7" y2="7" stroke={COLOURS[si % COLOURS.length]} strokeWidth="2.5" strokeDasharray={DASHES[si % DASHES.length]} />
                <Marker index={si} x={17} y={7} colour={COLOURS[si % COLOURS.length]!} />
              </svg>
              {s.title}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
