// `npm run build` (and the build step of `npm start` and `npm test`): the content, the service
// worker, then Next's production build. Each runs in its own process, in this order.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const bin = (name) => join(process.cwd(), "node_modules", ".bin", name);
const steps = [
  [bin("tsx"), ["--conditions=react-server", "scripts/build-content.ts"], {}],
  [process.execPath, ["scripts/build-sw.mjs"], {}],
  [bin("next"), ["build", "--webpack"], { NODE_ENV: "production" }],
];
for (const [cmd, args, env] of steps) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
