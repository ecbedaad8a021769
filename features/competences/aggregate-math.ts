/**
 * Arithmetic of the regional reports, kept pure so it is tested on fixtures (seed 001, Table 2).
 * Privacy: a group of fewer than MIN_GROUP respondents is never shown (lib/small-groups.ts, shared
 * with the activity report).
 */
export { MIN_GROUP, suppressBreakdown, suppressedUnless, type Cell } from "@/lib/small-groups";

/** Percentage with one decimal, halves rounded up, as seed 001 reports it (25 of 74 → 33.8). */
export function percent(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((count * 1000) / total + Number.EPSILON * 10) / 10;
}

/**
 * A row of percentages with one decimal that adds up to exactly 100.0 (largest remainder), which
 * is how seed 001 Table 2 reports each purpose: e.g. 27/31/11/5 of 74 → 36.5 / 41.9 / 14.9 / 6.7.
 */
export function percentRow(counts: number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total <= 0) return counts.map(() => 0);
  const tenths = counts.map((c) => (c * 1000) / total);
  const floors = tenths.map((t) => Math.floor(t + 1e-9));
  let missing = 1000 - floors.reduce((s, f) => s + f, 0);
  const order = tenths.map((t, i) => ({ i, r: t - Math.floor(t + 1e-9) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors.map((f) => f / 10);
}

export function quarterLabel(date: Date): string {
  return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}
