import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, connect, type Server, type Socket } from "node:net";
import { disconnectDb, getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { callRoute, signInAs } from "../helpers/api";
import * as health from "../../app/api/v1/health/route";
import * as me from "../../app/api/v1/me/route";

/**
 * PostgreSQL only: a TCP relay stands between the app and the database, so the test can cut the
 * database off and bring it back, as an outage would.
 */
let relay: Server | undefined;
const sockets = new Set<Socket>();
let relayPort = 0;
let target: URL;

function startRelay(port = 0): Promise<number> {
  return new Promise((resolve) => {
    relay = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    relay.listen(port, "127.0.0.1", () => resolve((relay!.address() as { port: number }).port));
  });
}

function stopRelay(): Promise<void> {
  for (const s of sockets) s.destroy();
  sockets.clear();
  return new Promise((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
}

beforeAll(async () => {
  await createDemoWorld(getDb());
  await disconnectDb();
  target = new URL(process.env.DATABASE_URL!);
  relayPort = await startRelay();
  const viaRelay = new URL(target);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(relayPort);
  process.env.DATABASE_URL = viaRelay.toString();
});

afterAll(async () => {
  await stopRelay();
  await disconnectDb();
  process.env.DATABASE_URL = target.toString();
});

describe("database outage", () => {
  it("answers 503 with Retry-After while the database is unreachable, and recovers by itself", async () => {
    await signInAs("admin@demo.skhodynky.org");
    expect((await health.GET()).status).toBe(200);
    expect((await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "До збою" } })).status).toBe(200);

    await stopRelay();
    const down = await health.GET();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBeTruthy();
    const write = await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "Під час збою" } });
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toBeTruthy();
    expect(write.json.error?.code).toBe("service_unavailable");

    await startRelay(relayPort);
    let recovered = 0;
    for (let i = 0; i < 20 && recovered !== 200; i++) {
      recovered = (await health.GET()).status;
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(200);
    const after = await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body: { position: "Після збою" } });
    expect(after.status).toBe(200);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "admin@demo.skhodynky.org" } })).position).toBe("Після збою");
  });
});
