/**
 * Background work of the running server: "due tomorrow" reminders, e-mail digests and the daily
 * purge of expired records (features/jobs/registry.ts). Every server checks for due jobs and the
 * database decides which one runs each period (decision 017); with the embedded database the one
 * process runs them all. BACKGROUND_JOBS=off turns it off, as the e2e server does.
 */
export async function register() {
  // NEXT_RUNTIME is replaced by Next at build time; settings are read through server/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, backgroundJobsEnabled } = await import("./server/env");
  // A production server without the settings it needs stops here, at start, with the reason.
  getEnv();
  if (!backgroundJobsEnabled()) return;
  const { startBackgroundJobs } = await import("./features/jobs/registry");
  startBackgroundJobs();
}

/**
 * A page or handler that failed because the database could not be reached: the proxy answers the
 * next requests with 503 and Retry-After for a few seconds (server/db/outage.ts, decision 053).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { noteDatabaseUnavailable }] = await Promise.all([import("./server/errors"), import("./server/db/outage")]);
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
}
