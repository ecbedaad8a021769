import { remindDueSoon, sendDueDigests } from "@/features/notifications/server/digests";

const EVERY_MS = 15 * 60 * 1000;
let started = false;

/** Runs the periodic jobs; a failed run is reported without personal data and retried next time. */
export function startBackgroundJobs() {
  if (started) return;
  started = true;
  const run = async () => {
    try {
      await remindDueSoon();
      await sendDueDigests();
    } catch (error) {
      console.error("background jobs: run failed:", error instanceof Error ? error.name : "unknown error");
    }
  };
  setTimeout(() => void run(), 60_000).unref();
  setInterval(() => void run(), EVERY_MS).unref();
}
