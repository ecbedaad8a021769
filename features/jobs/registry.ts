import "server-only";
import { getEnv } from "@/server/env";
import { startJobTimer, type Job } from "@/server/jobs/runner";
import { PURGE_EVERY_MS, purgeExpiredRecords } from "@/server/jobs/retention";
import { remindDueSoon, sendDueDigests } from "@/features/notifications/server/digests";
import { remindWorkshopsTomorrow } from "@/features/workshops/server/remind-tomorrow";
import { publishDueVersions } from "@/features/authoring/server/publish-due";

/** Every periodic job of the app. Names are the rows of ScheduledJob: renaming one starts it afresh. */
export function listBackgroundJobs(): Job[] {
  const every = getEnv().JOB_INTERVAL_MS;
  return [
    { name: "assignments.remind-due-soon", everyMs: every, run: remindDueSoon },
    // Versions approved for a later day go live within a period of their day's start.
    { name: "authoring.publish-due", everyMs: every, run: publishDueVersions },
    // Before the digests, so tomorrow's reminder rides in the same period's mail.
    { name: "workshops.remind-tomorrow", everyMs: every, run: remindWorkshopsTomorrow },
    { name: "notifications.send-digests", everyMs: every, run: sendDueDigests },
    { name: "data.purge-expired", everyMs: PURGE_EVERY_MS, run: purgeExpiredRecords },
  ];
}

/** Checks for due jobs at least once a minute, so a lapsed claim is taken over soon after its lease. */
export function startBackgroundJobs(): void {
  startJobTimer(listBackgroundJobs(), Math.min(getEnv().JOB_INTERVAL_MS, 60_000));
}
