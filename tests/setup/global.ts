import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Runs once per `vitest run`, before any test file: pages and features read lessons and
 * walkthroughs compiled into .content/ (decision 008), so the content is compiled here when it is
 * missing or older than its sources. `npx vitest run` then passes on a fresh clone by itself.
 */
// The sources of .content/: the content itself and the code that compiles it.
const SOURCES = ["content", "scripts/build-content.ts", "features/lessons/compile.ts", "features/walkthroughs/compile.ts"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function isContentStale(root: string): boolean {
  const index = join(root, ".content", "index.json");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export default function setup(): void {
  const root = process.cwd();
  if (!isContentStale(root)) return;
  // A process of its own: the compiler needs the react-server condition that the tests do not run under.
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/build-content.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`Compiling the content for the tests failed (exit ${result.status ?? result.signal}).`);
}
