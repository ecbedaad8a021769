import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { verifySignIn } from "../../server/auth/sign-in";
import { callRoute, signInAs, signOutLocally } from "../helpers/api";
import * as invitations from "../../app/api/v1/invitations/route";
import * as revoke from "../../app/api/v1/invitations/[id]/route";
import * as accept from "../../app/api/v1/invitations/accept/route";
import * as importRoute from "../../app/api/v1/users/import/route";

let poltavaOrg = { id: "", name: "" };
let zhytomyrOrg = { id: "", name: "" };

beforeAll(async () => {
  await createDemoWorld(getDb());
  const orgOf = async (email: string) =>
    (await getDb().user.findUniqueOrThrow({ where: { email }, select: { organization: { select: { id: true, name: true } } } })).organization;
  poltavaOrg = await orgOf("methodist.poltava@demo.skhodynky.org");
  zhytomyrOrg = await orgOf("methodist.zhytomyr@demo.skhodynky.org");
});

async function tokenFromOutbox(email: string): Promise<string> {
  const mail = await getDb().outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
}

describe("invitations", () => {
  it("an admin invites a person, who sets a password from the mailed link and can sign in", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const created = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "  Nova.Pratsivnytsia@Example.org ", name: "Ірина Савчук", organizationId: poltavaOrg.id, roles: ["LEARNER", "CURATOR"] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: "nova.pratsivnytsia@example.org", name: "Ірина Савчук" });
    const mail = await getDb().outboxMail.findFirstOrThrow({ where: { to: "nova.pratsivnytsia@example.org" } });
    expect(mail.subject).toContain("Сходинки");
    expect(mail.text).toContain(poltavaOrg.name);

    signOutLocally();
    const token = await tokenFromOutbox("nova.pratsivnytsia@example.org");
    const short = await callRoute(accept.POST, "/api/v1/invitations/accept", { body: { token, password: "short" } });
    expect(short.status).toBe(400);
    expect(short.json.error?.fields?.password).toBeDefined();
    // A common password is refused whatever its length, with a message that says why; the invitation stays open.
    const common = await callRoute(accept.POST, "/api/v1/invitations/accept", { body: { token, password: "Password123" } });
    expect(common.status).toBe(400);
    expect(common.json.error?.fields?.password?.join(" ")).toContain("найпоширеніших");
    expect(await getDb().user.count({ where: { email: "nova.pratsivnytsia@example.org" } })).toBe(0);
    const ok = await callRoute(accept.POST, "/api/v1/invitations/accept", { body: { token, password: "довга-фраза-для-входу" } });
    expect(ok.status).toBe(201);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "nova.pratsivnytsia@example.org" }, include: { roles: true } });
    expect(user.roles.map((r) => r.role).sort()).toEqual(["CURATOR", "LEARNER"]);
    expect(user.organizationId).toBe(poltavaOrg.id);
    expect((await verifySignIn(user.email, "довга-фраза-для-входу", "127.0.0.1")).ok).toBe(true);

    const reused = await callRoute(accept.POST, "/api/v1/invitations/accept", { body: { token, password: "інша-довга-фраза" } });
    expect(reused.status).toBe(404);
  });

  it("a methodologist invites only into their own region and cannot grant admin", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const own = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "own.region@example.org", name: "Оксана Мельник", organizationId: poltavaOrg.id, roles: ["LEARNER"] },
    });
    expect(own.status).toBe(201);
    const other = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "other.region@example.org", name: "Оксана Мельник", organizationId: zhytomyrOrg.id, roles: ["LEARNER"] },
    });
    expect(other.status).toBe(404);
    const admin = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "would.be.admin@example.org", name: "Оксана Мельник", organizationId: poltavaOrg.id, roles: ["ADMIN"] },
    });
    expect(admin.status).toBe(403);
    expect(await getDb().invitation.count({ where: { email: { in: ["other.region@example.org", "would.be.admin@example.org"] } } })).toBe(0);
  });

  it("refuses to invite an address that already has an account (409)", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const res = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "learner@demo.skhodynky.org", name: "Дублікат Особи", organizationId: poltavaOrg.id, roles: ["LEARNER"] },
    });
    expect(res.status).toBe(409);
  });

  it("a revoked or expired invitation no longer works", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const created = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "revoked@example.org", name: "Тарас Бондар", organizationId: poltavaOrg.id, roles: ["LEARNER"] },
    });
    const token = await tokenFromOutbox("revoked@example.org");
    const revoked = await callRoute(revoke.DELETE, "/x", { method: "DELETE", params: { id: String(created.json.id) } });
    expect(revoked.status).toBe(200);
    expect((await callRoute(accept.POST, "/x", { body: { token, password: "довга-фраза-для-входу" } })).status).toBe(404);

    await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "late@example.org", name: "Тарас Бондар", organizationId: poltavaOrg.id, roles: ["LEARNER"] },
    });
    const lateToken = await tokenFromOutbox("late@example.org");
    await getDb().invitation.updateMany({ where: { email: "late@example.org" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await callRoute(accept.POST, "/x", { body: { token: lateToken, password: "довга-фраза-для-входу" } })).status).toBe(404);
    expect(await getDb().user.count({ where: { email: { in: ["revoked@example.org", "late@example.org"] } } })).toBe(0);
  });
});

describe("CSV import", () => {
  it("invites every row of a good file", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const csv = [
      "name,email,organization,roles,position,language",
      `Ганна Іваненко,hanna.csv@example.org,${poltavaOrg.name},learner,фахівець із соціальної роботи,uk`,
      `"Петро Марченко",petro.csv@example.org,"${poltavaOrg.name}",learner;curator,,en`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/v1/users/import", { body: { csv } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ invited: 2 });
    const petro = await getDb().invitation.findFirstOrThrow({ where: { email: "petro.csv@example.org" } });
    expect(petro.roles.sort()).toEqual(["CURATOR", "LEARNER"]);
    expect(petro.locale).toBe("en");
  });

  it("rejects the whole file when any row is bad, reporting each row and field", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    const csv = [
      "ім'я,ел. пошта,організація,ролі",
      `Олег Ткаченко,oleh.ok@example.org,${poltavaOrg.name},учасник`,
      `Марія Кравець,not-an-email,${poltavaOrg.name},learner`,
      `Ірина Лисенко,iryna.x@example.org,Неіснуюча організація,learner`,
      `Віктор Руденко,viktor.x@example.org,${zhytomyrOrg.name},learner`,
      `Денис Поліщук,denys.x@example.org,${poltavaOrg.name},admin`,
      `Дубль Особи,oleh.ok@example.org,${poltavaOrg.name},learner`,
      `Уже Є,learner@demo.skhodynky.org,${poltavaOrg.name},learner`,
      `Н,n@example.org,${poltavaOrg.name},superhero`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/v1/users/import", { body: { csv } });
    expect(res.status).toBe(422);
    const rows = res.json.error?.rows as { row: number; field: string; message: string }[];
    const pairs = rows.map((r) => `${r.row}:${r.field}`);
    expect(pairs).toEqual(expect.arrayContaining(["3:email", "4:organization", "5:organization", "6:roles", "7:email", "8:email", "9:name", "9:roles"]));
    expect(pairs).not.toContain("2:email");
    expect(rows.find((r) => r.row === 3)?.message).toBe("Вкажіть правильну адресу електронної пошти.");
    expect(await getDb().invitation.count({ where: { email: "oleh.ok@example.org" } })).toBe(0);
  });

  it("reports a missing column and an empty file", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const missing = await callRoute(importRoute.POST, "/x", { body: { csv: "name,email\nА Б,a@example.org" } });
    expect(missing.status).toBe(422);
    expect((missing.json.error?.rows as { field: string }[]).map((r) => r.field).sort()).toEqual(["organization", "roles"]);
    const empty = await callRoute(importRoute.POST, "/x", { body: { csv: "" } });
    expect(empty.status).toBe(400);
  });

  it("is not open to learners", async () => {
    await signInAs("learner@demo.skhodynky.org");
    const res = await callRoute(importRoute.POST, "/x", { body: { csv: "name,email,organization,roles\n" } });
    expect(res.status).toBe(403);
  });
});
