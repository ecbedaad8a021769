// `npm run dev`: migrate and seed-if-empty before the dev server opens the embedded database.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
for (const args of [
  ["scripts/db/migrate.ts"],
  ["--conditions=react-server", "prisma/seed.ts", "--if-empty"],
  ["--conditions=react-server", "scripts/build-content.ts"],
]) {
  const result = spawnSync(tsx, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
