/**
 * A review session ends after its last item or, once its time is up, after the item on screen:
 * an answer in progress is never cut off, and no new item starts after two minutes.
 */
export function sessionEndsAfter(index: number, count: number, startedAtMs: number, nowMs: number, limitSeconds: number): boolean {
  return index + 1 >= count || nowMs - startedAtMs >= limitSeconds * 1000;
}
