/**
 * Small-group suppression shared by every regional report (competency and activity): a group of
 * fewer than MIN_GROUP people is never shown, so nobody can be singled out.
 */
export const MIN_GROUP = 5;

export type Cell = { suppressed: true } | { suppressed: false; value: number };

export function suppressedUnless(n: number, value: () => number): Cell {
  return n < MIN_GROUP ? { suppressed: true } : { suppressed: false, value: value() };
}

/**
 * Complementary suppression for a breakdown (e.g. hromadas of a region): when exactly one group is
 * hidden, the smallest visible one is hidden too, so the hidden count cannot be worked out from
 * the total.
 */
export function suppressBreakdown<T extends { n: number }>(groups: T[]): (T & { suppressed: boolean })[] {
  const marked = groups.map((g) => ({ ...g, suppressed: g.n < MIN_GROUP && g.n > 0 }));
  const hidden = marked.filter((g) => g.suppressed);
  if (hidden.length === 1) {
    const smallestVisible = marked.filter((g) => !g.suppressed && g.n > 0).sort((a, b) => a.n - b.n)[0];
    if (smallestVisible) smallestVisible.suppressed = true;
  }
  return marked;
}
