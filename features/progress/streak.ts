import { addDays, monthOf } from "@/lib/kyiv-calendar";

export const DEFAULT_GRACE_DAYS_PER_MONTH = 2;

export type Streak = {
  /** Days in the current run, counting active days only (grace days keep it alive but add nothing). */
  current: number;
  longest: number;
  /** Days of the current run that were bridged by grace, most recent first. */
  graceDays: string[];
  activeToday: boolean;
  /** Every missed day that grace bridged inside a run still unbroken after it (for the history). */
  bridged: string[];
};

/**
 * A streak fair to bad connectivity: a day counts when a lesson was done on it (its Kyiv calendar
 * day, even if sent later), and up to `gracePerMonth` missed days in a calendar month are bridged,
 * so one day without Internet does not reset the run. Today not yet done never breaks the streak.
 */
export function computeStreak(activeDays: Iterable<string>, today: string, gracePerMonth = DEFAULT_GRACE_DAYS_PER_MONTH): Streak {
  const days = new Set(activeDays);
  const sorted = [...days].filter((d) => d <= today).sort();
  if (sorted.length === 0) return { current: 0, longest: 0, graceDays: [], activeToday: false, bridged: [] };

  // Walk forward through time once, keeping the run and the grace spent per month.
  let run = 0;
  let longest = 0;
  let graceInRun: string[] = [];
  const bridged: string[] = [];
  const graceUsed = new Map<string, number>();
  let day = sorted[0]!;
  const last = days.has(today) ? today : addDays(today, -1);
  while (day <= last) {
    if (days.has(day)) {
      run += 1;
    } else if (run > 0) {
      const month = monthOf(day);
      const used = graceUsed.get(month) ?? 0;
      if (used < gracePerMonth) {
        graceUsed.set(month, used + 1);
        graceInRun.push(day);
      } else {
        run = 0;
        graceInRun = [];
      }
    }
    if (days.has(day) && graceInRun.length) {
      // An active day after bridged ones confirms them: they were part of a living run.
      for (const g of graceInRun) if (!bridged.includes(g)) bridged.push(g);
    }
    longest = Math.max(longest, run);
    day = addDays(day, 1);
  }
  return {
    current: run,
    longest,
    graceDays: [...graceInRun].reverse(),
    activeToday: days.has(today),
    bridged: [...new Set([...bridged, ...graceInRun])].sort(),
  };
}
