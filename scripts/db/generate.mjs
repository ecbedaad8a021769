// `prisma generate` never runs the schema engine, but the CLI insists on locating one and would
// download it from Prisma's host, which is unreachable offline. Point it at a stub for this call only.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const stubDir = join(tmpdir(), "skhodynky-prisma-stub");
const stub = join(stubDir, "schema-engine");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine stub: migrations use scripts/db/migrate.ts' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const prismaBin = join(process.cwd(), "node_modules", ".bin", "prisma");
const result = spawnSync(prismaBin, ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
