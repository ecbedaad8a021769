/**
 * Background work of the running server: every 15 minutes, remind learners of assignments due
 * tomorrow and send the e-mail digests that are due. It runs inside the app's own process because
 * the embedded database allows only one (BACKGROUND_JOBS=off turns it off, as the e2e server does).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.BACKGROUND_JOBS === "off" || process.env.NODE_ENV !== "production") return;
  const { startBackgroundJobs } = await import("./server/background-jobs");
  startBackgroundJobs();
}
