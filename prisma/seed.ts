// Fills an empty database with the demo world (tests/factories/demo-world.ts).
// Usage: tsx prisma/seed.ts [--if-empty]
//   --if-empty  skip quietly when the database already has users (used on first start).
import { disconnectDb, getDb } from "../server/db/client";
import { createDemoWorld, DEMO_ACCOUNTS, DEMO_PASSWORD } from "../tests/factories/demo-world";
import { createDemoAssessments } from "../tests/factories/demo-assessments";
import { createDemoCommunity } from "../tests/factories/demo-community";
import { createDemoWorkshops } from "../tests/factories/demo-workshops";
import { createDemoLearning } from "../tests/factories/demo-learning";
import { createDemoAuthoring } from "../tests/factories/demo-authoring";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const KNOWN_FLAGS = new Set(["--if-empty"]);

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

async function seed(args: readonly string[]): Promise<void> {
  const unknown = args.filter((arg) => !KNOWN_FLAGS.has(arg));
  if (unknown.length > 0) {
    fail(`Unknown argument: ${unknown.join(" ")}\nUsage: tsx prisma/seed.ts [--if-empty]`);
    return;
  }

  // Demo accounts share a published password, so they must never reach a real deployment.
  // Only an external PostgreSQL can be production; the embedded PGlite never is.
  if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
    fail(
      'Refusing to seed: NODE_ENV is "production" and DATABASE_URL is set.\n' +
        "The demo data has publicly known passwords and must not be loaded into a production database.",
    );
    return;
  }

  const db = getDb();
  const existingUsers = await db.user.count();
  if (existingUsers > 0) {
    if (args.includes("--if-empty")) {
      console.info("Database already has data; seed skipped.");
      return;
    }
    fail(`Refusing to seed: the database already has ${existingUsers} user(s).\n` + "Run `npm run db:reset` first to start from an empty database.");
    return;
  }

  const counts = await createDemoWorld(db);
  const assessments = await createDemoAssessments(db);
  const threads = await createDemoCommunity(db);
  const workshops = await createDemoWorkshops(db);
  // The demo learning history is recorded through the lesson player's functions, which read the
  // compiled content: compile it first on a fresh clone (npm start seeds before it builds).
  if (!existsSync(join(process.cwd(), ".content", "index.json"))) {
    const built = spawnSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/build-content.ts"], {
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("Compiling the content for the demo learning history failed.");
  }
  const learning = await createDemoLearning(db);
  const authored = await createDemoAuthoring(db);
  const roleWidth = Math.max(...DEMO_ACCOUNTS.map((a) => a.role.length));
  console.info(
    [
      `Seeded the demo world: ${counts.regions} regions, ${counts.hromadas} hromadas, ` +
        `${counts.organizations} organizations, ${counts.users} users, ${counts.mentorships} curator–mentee pairs, ` +
        `${assessments} self-assessments, ${threads} community threads, ${workshops} workshops, ` +
        `${learning} finished lessons and guides, ${authored} items of the Poltava centre written in the app.`,
      "",
      `Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(roleWidth)}  ${a.email}`),
    ].join("\n"),
  );
}

try {
  await seed(process.argv.slice(2));
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
