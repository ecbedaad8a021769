/**
 * "The database has just been unreachable" (decision 053), shared by everything in this server
 * process: the page renderer notes it (instrumentation's onRequestError, the API wrapper) and the
 * proxy, which runs before every page, answers 503 with Retry-After while it holds — instead of a
 * page that fails with 500 after waiting for the database. A global symbol, because the proxy and
 * the app are bundled apart but run in one process. Per process on purpose: each server learns of
 * an outage from its own failing requests and recovers by itself a few seconds later.
 */
const UNTIL = Symbol.for("skhodynky.databaseUnavailableUntil");
/** How long a server answers 503 after its last failure to reach the database, before trying again. */
export const OUTAGE_HOLD_MS = 5_000;

type Holder = { [UNTIL]?: number };

export function noteDatabaseUnavailable(now = Date.now()): void {
  (globalThis as Holder)[UNTIL] = now + OUTAGE_HOLD_MS;
}

/** Milliseconds left of the hold (0 when the database is thought reachable). */
export function databaseUnavailableFor(now = Date.now()): number {
  return Math.max(0, ((globalThis as Holder)[UNTIL] ?? 0) - now);
}

/** For tests: forget a noted outage. */
export function clearDatabaseUnavailable(): void {
  delete (globalThis as Holder)[UNTIL];
}
