/**
 * The screen the player opens on: `?step=n` (1-based, as in the player's links) when given,
 * otherwise where the learner left off, or the first screen once the whole thing was finished.
 * `screens` is the number of content screens; the finish screen comes after them.
 */
export function initialScreen(requested: string | string[] | undefined, saved: { completed: boolean; step: number }, screens: number): number {
  const n = typeof requested === "string" && /^\d{1,3}$/.test(requested) ? Number(requested) - 1 : NaN;
  if (Number.isInteger(n) && n >= 0) return Math.min(n, screens);
  return saved.completed ? 0 : Math.min(saved.step, screens - 1);
}
