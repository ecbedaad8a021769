export function serverProcessCount(
  env: { WEB_CONCURRENCY?: string; DATABASE_URL?: string },
  cpus: number,
): { ok: true; count: number } | { ok: false; message: string };
