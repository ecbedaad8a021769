// The production server (scripts/serve.mjs) for a benchmark that measures whole server renders:
// started on the benchmark's database (DATABASE_URL / PGLITE_DATA_DIR as the caller set them), and
// ready once /api/v1/health answers. Production needs a real secret and SMTP: a throwaway secret,
// and a mail server it never uses (background jobs are off, and rendering a page sends no mail).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync } from "node:fs";

export async function startProductionServer(port: string, options: { log?: string } = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://localhost:${port}`;
  // With `log`, the server's output goes to that file (bench/fault-restart.ts keeps it to read afterwards).
  const log = options.log ? openSync(options.log, "a") : "ignore";
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: port,
      NODE_ENV: "production",
      BACKGROUND_JOBS: "off",
      SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:9",
      APP_URL: url,
      NEXTAUTH_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(48).toString("base64"),
    },
    stdio: ["ignore", log, log],
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
  };
  for (let i = 0; i < 60; i++) {
    if ((await fetch(`${url}/api/v1/health`).catch(() => null))?.ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`The production server did not answer on ${url} within 30 s (is there a build? npm run build).`);
}
