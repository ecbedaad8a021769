import { AppError } from "@/server/errors";

const MAX_OFFLINE_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * When finished work counts: the device's `doneAt` (work done offline is sent later), never in
 * the future (a fast clock), and not older than 30 days.
 */
export function resolveDoneAt(doneAt: string | undefined, now: Date): Date {
  let at = doneAt ? new Date(doneAt) : now;
  if (at.getTime() > now.getTime()) at = now;
  if (now.getTime() - at.getTime() > MAX_OFFLINE_AGE_MS) throw new AppError("unprocessable", "errors.completionTooOld", { doneAt: ["errors.completionTooOld"] });
  return at;
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
