import type { TClientDataSpan } from "../schemas";

/** The text with the guard's suspected spans marked, so the author sees exactly what to remove. */
export function HighlightedSpans({ text, spans, label }: { text: string; spans: TClientDataSpan[]; label: string }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) parts.push({ text: text.slice(at, s.start), marked: false });
    parts.push({ text: text.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <div className="mt-1">
      <p className="text-sm font-semibold">{label}</p>
      <p className="whitespace-pre-wrap break-words rounded border border-red-300 bg-white p-2 text-sm">
        {parts.map((p, i) =>
          p.marked ? (
            <mark key={i} className="bg-yellow-200 font-semibold">
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
