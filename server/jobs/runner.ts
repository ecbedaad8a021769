import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getDb } from "../db/client";

/** A periodic job: `run` does one period's work; each send inside it is guarded on its own. */
export type Job = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

/**
 * How long a claim holds. A run that outlives it may be taken over while still running; the
 * per-send compare-and-set keeps that from sending anything twice, so the lease only needs to
 * outlast a normal run and lets a crashed server's period run again ten minutes later.
 */
export const JOB_LEASE_MS = 10 * 60 * 1000;

/** Creates the rows of jobs this database has not seen yet, due at once. */
export async function registerJobs(jobs: readonly Job[], now = new Date()): Promise<void> {
  await getDb().scheduledJob.createMany({ data: jobs.map((j) => ({ name: j.name, nextRunAt: now })), skipDuplicates: true });
}

/**
 * Claims the job's due period with one conditional UPDATE: it succeeds only when the period is
 * due and nobody holds an unexpired lease. PostgreSQL re-checks the condition after waiting on a
 * concurrent claim's row lock, so of any number of servers exactly one gets the row.
 * Returns the claim's id, or null when the period is not due or someone else holds it.
 */
export async function claimJob(name: string, now = new Date(), leaseMs = JOB_LEASE_MS): Promise<string | null> {
  const claim = `${hostname()}:${process.pid}:${randomUUID()}`;
  const { count } = await getDb().scheduledJob.updateMany({
    where: { name, nextRunAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { claimedBy: claim, claimedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1 ? claim : null;
}

/**
 * Ends a claimed run and schedules the next period from the claim time. Only the holder of this
 * claim may end it: a run that was taken over after its lease lapsed changes nothing.
 */
export async function finishJob(name: string, claim: string, everyMs: number, claimedAt: Date, error: unknown, now = new Date()): Promise<boolean> {
  const { count } = await getDb().scheduledJob.updateMany({
    where: { name, claimedBy: claim },
    data: { leaseUntil: null, finishedAt: now, nextRunAt: new Date(claimedAt.getTime() + everyMs), lastError: error === undefined ? null : errorCode(error) },
  });
  return count === 1;
}

/** Runs the job when this server wins its due period. */
export async function runJobIfDue(job: Job, now = new Date()): Promise<"ran" | "failed" | "not-claimed"> {
  const claim = await claimJob(job.name, now);
  if (!claim) return "not-claimed";
  let failure: unknown;
  try {
    await job.run(now);
  } catch (error) {
    failure = error ?? new Error("unknown");
    console.error(`background job ${job.name} failed:`, errorCode(failure));
  }
  await finishJob(job.name, claim, job.everyMs, now, failure);
  return failure === undefined ? "ran" : "failed";
}

/** One tick of one server: each job whose period is due and unclaimed runs here, each claimed at its own start. */
export async function runDueJobs(jobs: readonly Job[]): Promise<void> {
  for (const job of jobs) await runJobIfDue(job);
}

/** An error's class (and database code), never its message: messages may carry personal data. */
function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" ? `${error.name}:${code}` : error.name).slice(0, 100);
}

let started = false;

/**
 * Every server (and the single embedded-database process alike) checks for due jobs every
 * `tickMs`; the claim decides which one runs each period. A tick that finds the previous one
 * still running skips, so one process never runs a job beside itself.
 */
export function startJobTimer(jobs: readonly Job[], tickMs: number): void {
  if (started) return;
  started = true;
  let registered = false;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (!registered) {
        await registerJobs(jobs);
        registered = true;
      }
      await runDueJobs(jobs);
    } catch (error) {
      console.error("background jobs: tick failed:", errorCode(error));
    } finally {
      busy = false;
    }
  };
  setInterval(() => void tick(), tickMs).unref();
}
