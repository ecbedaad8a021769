/**
 * What to work on first, from a person's gaps: a short list instead of every gap with every link.
 * Pure, so the page and its tests read the same rule.
 */

export type TeachingItem = { kind: "lesson" | "walkthrough"; id: string; title: string };

export type GapWithTeaching = {
  competenceId: string;
  title: string;
  level: number;
  target: number;
  gap: number;
  estimated: boolean;
  lessons: { id: string; title: string }[];
  walkthroughs: { id: string; title: string }[];
};

export type FocusGap = {
  competenceId: string;
  title: string;
  level: number;
  target: number;
  estimated: boolean;
  /** Lessons, then guides, that teach it, not finished yet and not listed under a wider gap above. */
  items: TeachingItem[];
  /** Of what teaches it, how many the person has finished (left out of `items`). */
  doneCount: number;
  /** Of what teaches it and is not finished, how many are already listed under a wider gap above. */
  shownAboveCount: number;
};

/** How many gaps the short list shows; the rest are one click away. */
export const FOCUS_GAPS = 3;

/**
 * The `count` widest gaps (the order of `gaps`: widest first), each with the unfinished lessons and
 * guides that teach it. An item that teaches several of them is listed once, under the widest.
 */
export function planGaps(
  gaps: readonly GapWithTeaching[],
  done: { lessons: ReadonlySet<string>; walkthroughs: ReadonlySet<string> },
  count = FOCUS_GAPS,
): FocusGap[] {
  const listed = new Set<string>();
  return gaps.slice(0, count).map((g) => {
    const teaching: TeachingItem[] = [
      ...g.lessons.map((l) => ({ kind: "lesson" as const, id: l.id, title: l.title })),
      ...g.walkthroughs.map((w) => ({ kind: "walkthrough" as const, id: w.id, title: w.title })),
    ];
    const isDone = (item: TeachingItem) => (item.kind === "lesson" ? done.lessons : done.walkthroughs).has(item.id);
    const open = teaching.filter((item) => !isDone(item));
    const key = (item: TeachingItem) => `${item.kind}:${item.id}`;
    const items = open.filter((item) => !listed.has(key(item)));
    for (const item of items) listed.add(key(item));
    return {
      competenceId: g.competenceId,
      title: g.title,
      level: g.level,
      target: g.target,
      estimated: g.estimated,
      items,
      doneCount: teaching.length - open.length,
      shownAboveCount: open.length - items.length,
    };
  });
}
