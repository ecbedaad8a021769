import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { applyMigrations, PROJECT_ROOT, resolveDbTarget } from "../../scripts/db/engine";
import { disconnectDb, getDb, type PrismaClient } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { createThrowawayDatabase } from "../helpers/throwaway-db";
import { startSmtpSink } from "./smtp-sink";

/**
 * Two production servers (`npm run serve` of the built app) on one PostgreSQL database, as README's
 * "Scaling out" allows: each runs the background jobs every two seconds, and a client may reach
 * either. Mail goes over SMTP to a sink this test counts.
 */
const BASE_URL = process.env.TEST_DATABASE_URL;
if (!BASE_URL) throw new Error("The two-server test needs TEST_DATABASE_URL (a PostgreSQL server it may create databases on).");

const PASSWORD = "Two-servers-password-2026";
const JOB_INTERVAL_MS = 2000;
const AUTH_SECRET = randomBytes(48).toString("base64url");

type Server = { url: string; process: ChildProcess; log: string[] };
const servers: Server[] = [];
let dropDatabase: (() => Promise<void>) | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
let dataDir = "";
let db: PrismaClient;
let people: { curator: Person; learner: Person; writer: Person; writersCurator: Person; throttled: Person };
type Person = { id: string; email: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** Waits for a condition, failing with `what` (and the servers' output) after `ms`. */
async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not happen within ${ms / 1000} s.\n${servers.map((s) => `--- ${s.url}\n${s.log.join("").slice(-4000)}`).join("\n")}`);
}

async function startServer(databaseUrl: string, smtpPort: number): Promise<Server> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "4",
    AUTH_SECRET,
    APP_URL: url,
    NEXTAUTH_URL: url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    JOB_INTERVAL_MS: String(JOB_INTERVAL_MS),
    DATA_DIR: dataDir,
  };
  for (const key of ["BACKGROUND_JOBS", "PGLITE_DATA_DIR", "TEST_DB", "NEXTAUTH_SECRET", "TRUSTED_PROXIES", "TRUSTED_PROXY_HOPS"]) delete env[key];
  // `npm run serve`, as production runs it: Next's server of the build. Its own process group,
  // so stopping it stops whatever it starts.
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "scripts", "serve.mjs")], {
    cwd: PROJECT_ROOT,
    // One process each (serve.mjs would start one per CPU on PostgreSQL, decision 041): the tests
    // count the servers that claimed a job, and two processes of one server are two such servers.
    env: { ...env, PORT: String(port), WEB_CONCURRENCY: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server: Server = { url, process: child, log: [] };
  child.stdout?.on("data", (chunk: Buffer) => server.log.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => server.log.push(chunk.toString()));
  servers.push(server);
  return server;
}

async function stopServer(server: Server): Promise<void> {
  const { process: child } = server;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  process.kill(-child.pid, "SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!stopped && child.exitCode === null) {
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }
}

/** A browser of one person: its cookies go to whichever server it calls. */
class Browser {
  private cookies = new Map<string, string>();

  async fetch(server: Server, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.method && init.method !== "GET") headers.origin = server.url;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
  async signIn(server: Server, email: string, password: string): Promise<Response> {
    const { csrfToken } = (await (await this.fetch(server, "/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch(server, "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
    });
  }
}

beforeAll(async () => {
  const database = await createThrowawayDatabase(BASE_URL, "skh_two_servers");
  dropDatabase = database.drop;
  await applyMigrations(resolveDbTarget({ ...process.env, DATABASE_URL: database.url }));
  // This process reads and writes the same database as the servers.
  process.env.DATABASE_URL = database.url;
  db = getDb();

  const passwordHash = await hashPassword(PASSWORD);
  const region = await db.region.create({ data: { code: "two-servers", nameUk: "Область", nameEn: "Region" } });
  const hromada = await db.hromada.create({ data: { regionId: region.id, nameUk: "Громада", nameEn: "Hromada" } });
  const org = await db.organization.create({ data: { hromadaId: hromada.id, name: "Центр соціальних служб" } });
  const person = (email: string, roles: ("LEARNER" | "CURATOR")[], digest?: string) =>
    db.user.create({
      data: { email, name: email.split("@")[0]!, organizationId: org.id, passwordHash, digest, roles: { create: roles.map((role) => ({ role })) } },
      select: { id: true, email: true },
    });
  people = {
    // Weekly digests by default: one is due at once for the unread notification below.
    curator: await person("curator@two-servers.test", ["CURATOR", "LEARNER"]),
    learner: await person("learner@two-servers.test", ["LEARNER"]),
    writersCurator: await person("writers-curator@two-servers.test", ["CURATOR", "LEARNER"], "off"),
    writer: await person("writer@two-servers.test", ["LEARNER"]),
    throttled: await person("throttled@two-servers.test", ["LEARNER"]),
  };
  await db.mentorship.create({ data: { curatorId: people.curator.id, menteeId: people.learner.id } });
  await db.mentorship.create({ data: { curatorId: people.writersCurator.id, menteeId: people.writer.id } });
  await db.assignment.create({
    data: { curatorId: people.curator.id, learnerId: people.learner.id, kind: "lesson", targetId: "strong-passwords", dueOn: addDays(kyivDay(new Date()), 1) },
  });
  await db.notification.create({ data: { userId: people.curator.id, kind: "request.new", data: { actorName: "Олена" }, href: "/curator" } });

  sink = await startSmtpSink();
  dataDir = mkdtempSync(join(tmpdir(), "skh-two-servers-"));
  const started = await Promise.all([startServer(database.url, sink.port), startServer(database.url, sink.port)]);
  await Promise.all(started.map((s) => waitFor(`${s.url} answering its health check`, 90_000, async () => (await fetch(`${s.url}/api/v1/health`)).ok)));
});

afterAll(async () => {
  try {
    await Promise.all(servers.map(stopServer));
  } finally {
    await disconnectDb();
    await sink?.close();
    await dropDatabase?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

describe("two servers on one PostgreSQL", () => {
  it("send one reminder and one digest although both run the jobs every period", async () => {
    const reminders = () => db.notification.count({ where: { userId: people.learner.id, kind: "assignment.dueSoon" } });
    const digests = () => sink!.mails.filter((m) => m.to.includes(people.curator.email)).length;
    await waitFor("the reminder and the digest", 30_000, async () => (await reminders()) >= 1 && digests() >= 1);

    // Several more periods, watching which processes claim the jobs.
    const claimers = new Set<string>();
    const until = Date.now() + 5 * JOB_INTERVAL_MS;
    while (Date.now() < until) {
      for (const job of await db.scheduledJob.findMany({ where: { name: { in: ["assignments.remind-due-soon", "notifications.send-digests"] } } })) {
        if (job.claimedBy) claimers.add(job.claimedBy.split(":").at(-2)!);
      }
      await sleep(200);
    }
    expect(claimers.size).toBe(2);
    expect(await reminders()).toBe(1);
    expect(digests()).toBe(1);
  });

  it("count sign-in failures on both servers toward one throttle", async () => {
    const browser = new Browser();
    for (let i = 0; i < 10; i++) {
      expect((await browser.signIn(servers[i % 2]!, people.throttled.email, "not-the-password")).status).toBe(401);
    }
    expect(await db.signInFailure.count({ where: { email: people.throttled.email } })).toBe(10);
    for (const server of servers) {
      const refused = await browser.signIn(server, people.throttled.email, PASSWORD);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    }
  });

  it("record a write once when it is replayed on the other server", async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const browser = new Browser();
    expect((await browser.signIn(a, people.writer.email, PASSWORD)).status).toBe(200);
    const write = (server: Server) =>
      browser.fetch(server, "/api/v1/feedback", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "two-servers-feedback-1" },
        body: JSON.stringify({ curatorId: people.writersCurator.id, menteeId: people.writer.id, body: "Дякую, урок про паролі пройдено." }),
      });
    const first = await write(a);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const replayed = await write(b);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await replayed.json()).toEqual(await first.json());
    expect(await db.feedbackMessage.count({ where: { menteeId: people.writer.id } })).toBe(1);
    expect(await db.idempotencyRecord.count({ where: { key: "two-servers-feedback-1" } })).toBe(1);
  });
});
