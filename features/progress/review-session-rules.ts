/**
 * A review session ends after its last item or, once its time is up, after the item on screen:
 * an answer in progress is never cut off, and no new item starts after two minutes.
 */
export function sessionEndsAfter(index: number, count: number, startedAtMs: number, nowMs: number, limitSeconds: number): boolean {
  return index + 1 >= count || nowMs - startedAtMs >= limitSeconds * 1000;
}

export type ReviewItemRef = { lessonId: string; itemId: string };
type WaitingWrite = { method: string; path: string; body: unknown; state: string };

/**
 * The items still to show: those whose answer is not already waiting on this device to be sent
 * (answered offline, then the kept page opened again), in their order. A refused answer was not
 * recorded, so its item comes back.
 */
export function itemsStillToAnswer(items: ReviewItemRef[], outbox: WaitingWrite[]): number[] {
  const waiting = new Set(
    outbox
      .filter((w) => w.state === "waiting" && w.method === "POST" && w.path === "/api/v1/reviews")
      .map((w) => {
        const body = (w.body ?? {}) as Partial<ReviewItemRef>;
        return `${body.lessonId}/${body.itemId}`;
      }),
  );
  return items.flatMap((item, i) => (waiting.has(`${item.lessonId}/${item.itemId}`) ? [] : [i]));
}
