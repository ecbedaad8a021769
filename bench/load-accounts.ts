// The people of a load run (bench/morning-routine.mjs, bench/fault-restart.ts): N accounts of their
// own in the seeded demo world's Poltava city centre, every tenth a curator with the next five
// learners as mentees, each with a dozen quiz items due for review — so Today, the review page and
// the caseload have something to show. One shared random password (hashed once). Prints the plan as
// JSON: the accounts, and the built-in lessons (with their quiz items) and guides the routine opens.
// Usage: DATABASE_URL=postgresql://… npx tsx --conditions=react-server bench/load-accounts.ts --users 300
// Needs the demo seed (npm run db:seed) and the compiled content (.content/, made by npm run build).
// Meant for a benchmark's own database: the accounts stay (their e-mails carry the run's tag).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

type IndexLesson = { id: string; locale: string; steps: number; items: { id: string }[] };
type IndexWalkthrough = { id: string; locale: string; steps: { id: string }[]; items: { id: string }[] };

export type LoadPlan = {
  tag: string;
  password: string;
  users: { id: string; email: string; curator: boolean; cards: { lessonId: string; itemId: string }[] }[];
  /** Built-in lessons with quiz items: `screens` is the player's screens before the finish screen. */
  lessons: { id: string; screens: number; items: string[] }[];
  /** Built-in guides: `screens` counts the opening, every step and the practice check. */
  walkthroughs: { id: string; screens: number }[];
};

const { values } = parseArgs({ options: { users: { type: "string", default: "30" }, organization: { type: "string" } } });
const count = Number(values.users);
if (!Number.isInteger(count) || count < 1 || count > 5000) {
  console.error("--users must be a whole number from 1 to 5000.");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the benchmark's PostgreSQL database (seeded with npm run db:seed).");
  process.exit(2);
}

const { getDb, disconnectDb } = await import("../server/db/client");
const { hashPassword } = await import("../server/auth/password");
const { scheduleAnswer } = await import("../features/progress/server/review-schedule");
const { ORGANIZATIONS } = await import("../tests/factories/demo-world");

const index = JSON.parse(readFileSync(join(process.cwd(), ".content", "index.json"), "utf8")) as {
  lessons: IndexLesson[];
  walkthroughs: IndexWalkthrough[];
};
const lessons = index.lessons
  .filter((l) => l.locale === "uk" && l.items.length > 0)
  .map((l) => ({ id: l.id, screens: l.steps, items: l.items.map((i) => i.id) }));
const walkthroughs = index.walkthroughs.filter((w) => w.locale === "uk").map((w) => ({ id: w.id, screens: 1 + w.steps.length + (w.items.length ? 1 : 0) }));
if (!lessons.length || !walkthroughs.length) throw new Error("No compiled lessons or guides in .content/: run npm run build first.");

const db = getDb();
const orgName = ORGANIZATIONS.find((o) => o.key === (values.organization ?? "poltava-city-centre"))?.name;
const organization = orgName ? await db.organization.findFirst({ where: { name: orgName }, select: { id: true } }) : null;
if (!organization) throw new Error("The demo organization is missing: seed the database first (npm run db:seed).");

const tag = randomBytes(3).toString("hex");
const password = `Load-${randomBytes(9).toString("base64url")}`;
const passwordHash = await hashPassword(password);
const yearAgo = new Date(Date.now() - 365 * 86_400_000);
const people = Array.from({ length: count }, (_, i) => ({
  email: `load-${tag}-${String(i + 1).padStart(4, "0")}@bench.skhodynky.test`,
  name: `Учасник навантаження ${tag}-${i + 1}`,
  curator: i % 10 === 0,
}));

const created = await db.user.createManyAndReturn({
  data: people.map((p) => ({
    email: p.email,
    name: p.name,
    position: "фахівець із соціальної роботи",
    organizationId: organization.id,
    passwordHash,
    createdAt: yearAgo,
  })),
  select: { id: true, email: true },
});
const idOf = new Map(created.map((u) => [u.email, u.id]));
const users = people.map((p, i) => {
  // A dozen items from three lessons, answered two days ago and due since yesterday.
  const cards = [0, 1, 2].flatMap((k) => {
    const lesson = lessons[(i + k * 7) % lessons.length]!;
    return lesson.items.slice(0, 4).map((itemId) => ({ lessonId: lesson.id, itemId }));
  });
  return { id: idOf.get(p.email)!, email: p.email, curator: p.curator, cards };
});

await db.userRole.createMany({
  data: users.flatMap((u) => (u.curator ? ["CURATOR", "LEARNER"] : ["LEARNER"]).map((role) => ({ userId: u.id, role: role as "LEARNER" | "CURATOR" }))),
});
await db.mentorship.createMany({
  data: users.flatMap((u, i) =>
    u.curator
      ? users
          .slice(i + 1, i + 6)
          .filter((m) => !m.curator)
          .map((m) => ({ curatorId: u.id, menteeId: m.id }))
      : [],
  ),
});
const answeredAt = new Date(Date.now() - 2 * 86_400_000);
const yesterday = new Date(Date.now() - 86_400_000);
await db.reviewCard.createMany({
  data: users.flatMap((u) => u.cards.map((c) => ({ userId: u.id, ...c, ...scheduleAnswer(null, true, answeredAt), due: yesterday }))),
});
await disconnectDb();

const plan: LoadPlan = { tag, password, users, lessons, walkthroughs };
process.stdout.write(JSON.stringify(plan));
