import { diffLines, diffStats, groupHunks, pairChangedLines, wordChanges, type DiffHunk, type DiffLine, type WordPart } from "@/lib/line-diff";

/** Every word the diff says, from the caller's messages, so this component needs no namespace. */
export type DiffLabels = {
  /** Said by screen readers before an added line (the "+" is hidden from them). */
  added: string;
  /** Said before a removed line (the "−" is hidden from them). */
  removed: string;
  /** Said before an unchanged context line. */
  unchanged: string;
  /** A hunk's heading, e.g. "Рядки 12–18". */
  lines: (from: number, to: number) => string;
  /** Shown instead of the diff when the texts are the same. */
  noChanges: string;
  /** The line above the hunks, e.g. "Додано 3 рядки, вилучено 1". */
  summary: (added: number, removed: number) => string;
};

const KIND_STYLE: Record<DiffLine["kind"], { row: string; sign: string; symbol: string }> = {
  added: { row: "border-l-4 border-green-700 bg-green-50", sign: "text-green-800", symbol: "+" },
  removed: { row: "border-l-4 border-red-700 bg-red-50", sign: "text-red-800", symbol: "−" },
  same: { row: "border-l-4 border-transparent", sign: "text-muted", symbol: " " },
};

/**
 * Word highlights help only while the two lines still look alike; on a rewritten line they would
 * mark nearly everything and hide the few shared words, so below this share of kept characters the
 * pair is shown as plain removed and added lines.
 */
const MIN_KEPT_SHARE = 0.3;

function highlightsFor(removed: string, added: string): [WordPart[], WordPart[]] | null {
  const parts = wordChanges(removed, added);
  const kept = parts[0].reduce((sum, part) => sum + (part.changed ? 0 : part.text.length), 0);
  return kept >= MIN_KEPT_SHARE * Math.max(removed.length, added.length) ? parts : null;
}

/** The range a hunk covers, in the new version's numbering unless the hunk only removes lines. */
function hunkRange(hunk: DiffHunk): [number, number] {
  return hunk.afterCount > 0 ? [hunk.afterStart, hunk.afterStart + hunk.afterCount - 1] : [hunk.beforeStart, hunk.beforeStart + hunk.beforeCount - 1];
}

function LineText({ line, parts }: { line: DiffLine; parts: WordPart[] | undefined }) {
  if (!parts) return <>{line.text}</>;
  const Changed = line.kind === "removed" ? "del" : "ins";
  // Struck through or underlined as well as tinted: the change must not be shown by colour alone.
  const changedClass = line.kind === "removed" ? "rounded-sm bg-red-200 line-through" : "rounded-sm bg-green-200 underline";
  return (
    <>
      {parts.map((part, index) =>
        part.changed ? (
          <Changed key={index} className={changedClass}>
            {part.text}
          </Changed>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Two versions of an MDX document compared line by line (methodologists comparing published
 * versions of a lesson): a summary, then each run of changes with three lines of context under a
 * heading with its line range. Each line shows its old and new numbers and a +/− sign; screen
 * readers hear the caller's word for the change instead of the sign. Lines wrap at any width.
 */
export function DiffView({
  before,
  after,
  labels,
  context = 3,
  headingLevel = 3,
}: {
  before: string;
  after: string;
  labels: DiffLabels;
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Level of the hunk headings, to fit under the page's own headings. */
  headingLevel?: 2 | 3 | 4;
}) {
  const lines = diffLines(before, after);
  const stats = diffStats(lines);
  if (stats.added === 0 && stats.removed === 0) return <p>{labels.noChanges}</p>;

  const Heading = `h${headingLevel}` as const;
  return (
    <div className="space-y-4">
      <p>{labels.summary(stats.added, stats.removed)}</p>
      {groupHunks(lines, context).map((hunk) => {
        const [from, to] = hunkRange(hunk);
        // Word highlights for each removed line that an added line directly rewrites.
        const highlights = new Map<number, WordPart[]>();
        for (const [removedIndex, addedIndex] of pairChangedLines(hunk.lines)) {
          const parts = highlightsFor(hunk.lines[removedIndex]!.text, hunk.lines[addedIndex]!.text);
          if (parts) {
            highlights.set(removedIndex, parts[0]);
            highlights.set(addedIndex, parts[1]);
          }
        }
        return (
          <div key={`${hunk.beforeStart}-${hunk.afterStart}`} className="overflow-hidden rounded-lg border border-neutral-300 bg-white">
            <Heading className="border-b border-neutral-300 bg-neutral-100 px-3 py-1 text-sm font-semibold">{labels.lines(from, to)}</Heading>
            <ol className="font-mono text-sm">
              {hunk.lines.map((line, index) => {
                const style = KIND_STYLE[line.kind];
                return (
                  <li key={index} className={`flex gap-2 px-2 py-0.5 ${style.row}`}>
                    {/* The hunk heading gives screen readers the place; the numbers are for the eye. */}
                    <span aria-hidden="true" className="w-[4ch] shrink-0 text-right text-muted tabular-nums select-none">
                      {line.beforeLine ?? ""}
                    </span>
                    <span aria-hidden="true" className="w-[4ch] shrink-0 text-right text-muted tabular-nums select-none">
                      {line.afterLine ?? ""}
                    </span>
                    <span aria-hidden="true" className={`w-[1ch] shrink-0 font-bold select-none ${style.sign}`}>
                      {style.symbol}
                    </span>
                    <span className="min-w-0 flex-1 whitespace-pre-wrap wrap-anywhere">
                      <span className="sr-only">{`${labels[line.kind === "same" ? "unchanged" : line.kind]}: `}</span>
                      <LineText line={line} parts={highlights.get(index)} />
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
