// `npm start`: migrate, seed the demo world if the database is empty, build if the sources changed
// since the last build, then serve. Each step runs in its own process, one after another, because
// the embedded database accepts one process at a time.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const bin = (name) => join(root, "node_modules", ".bin", name);

function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function needsBuild() {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "features",
    "server",
    "ui",
    "messages",
    "content",
    "i18n",
    "public",
    "proxy.ts",
    "next.config.mjs",
    "package-lock.json",
    "prisma/schema.prisma",
  ];
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

const isProductionDatabase = process.env.NODE_ENV === "production" && Boolean(process.env.DATABASE_URL);

run(bin("tsx"), ["scripts/db/migrate.ts"]);
if (isProductionDatabase) {
  console.info("Production database: the demo seed is not applied.");
} else {
  run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts", "--if-empty"]);
}
if (needsBuild()) {
  console.info("Building the app (first start or sources changed)…");
  run(process.execPath, ["scripts/build.mjs"]);
}
// scripts/serve.mjs is `next start` that puts the socket address last in X-Forwarded-For; PORT passes through.
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
