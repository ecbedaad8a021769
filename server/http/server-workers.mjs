// How many server processes scripts/serve.mjs runs (decision 041). Plain JavaScript: serve.mjs runs
// under node with no TypeScript step.
//
// On PostgreSQL every request's work is independent of the process that serves it (sessions,
// throttles, idempotency, jobs and caches that matter live in the database), so one process per
// CPU uses the machine: a Node process renders pages on one thread. The embedded database (PGlite)
// allows one process only, so without DATABASE_URL there is exactly one.

/**
 * The number of processes, from WEB_CONCURRENCY ("auto" or empty: one per CPU on PostgreSQL, one on
 * PGlite; a whole number 1–32 otherwise), or a message saying what is wrong with the setting.
 * @param {{ WEB_CONCURRENCY?: string; DATABASE_URL?: string }} env
 * @param {number} cpus
 * @returns {{ ok: true; count: number } | { ok: false; message: string }}
 */
export function serverProcessCount(env, cpus) {
  const onPostgres = Boolean(env.DATABASE_URL);
  const raw = (env.WEB_CONCURRENCY ?? "").trim();
  if (raw === "" || raw === "auto") return { ok: true, count: onPostgres ? Math.max(1, Math.min(32, cpus)) : 1 };
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || count < 1 || count > 32)
    return { ok: false, message: `WEB_CONCURRENCY must be "auto" or a whole number from 1 to 32, not "${raw}".` };
  if (count > 1 && !onPostgres)
    return { ok: false, message: "WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL): the embedded database allows one process only." };
  return { ok: true, count };
}
