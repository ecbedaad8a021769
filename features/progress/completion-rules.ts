import { AppError } from "@/server/errors";

/** Work done offline counts on its own day for a week: long enough for a trip without signal, too short to back-fill a streak. */
export const MAX_OFFLINE_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When finished work counts: the time the device claims (`doneAt`, `answeredAt`; work done
 * offline is sent later), if it lies within a week before the server receives it. Work claimed
 * earlier, or ahead of the server's clock, still counts — nothing a learner did is
 * thrown away — but on the day the server receives it, so no one back-fills a streak.
 */
export function resolveDoneAt(claimed: string | undefined, now: Date): Date {
  const at = claimed ? new Date(claimed) : now;
  const isTooOld = now.getTime() - at.getTime() > MAX_OFFLINE_AGE_MS;
  return isTooOld || at.getTime() > now.getTime() ? now : at;
}

/** Answers must name items of the lesson or guide; each unknown one is reported at its index. */
export function assertKnownItems(answers: { itemId: string }[], known: Set<string>) {
  const unknown = answers.map((a, i) => [a, i] as const).filter(([a]) => !known.has(a.itemId));
  if (unknown.length) {
    throw new AppError("validation_failed", "errors.validation", Object.fromEntries(unknown.map(([, i]) => [`answers.${i}.itemId`, ["errors.unknownItem"]])));
  }
}

/** Seconds of learning counted for finished work: at least a minute, at most twice its length (a tab left open). */
export function countedSeconds(measuredMinutes: number, nominalMinutes: number): number {
  return Math.min(Math.max(measuredMinutes, 1), nominalMinutes * 2) * 60;
}
