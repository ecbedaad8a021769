import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld, DEMO_MENTORSHIPS } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs } from "../helpers/api";
import { sendDueDigests } from "../../features/notifications/server/digests";
import * as me from "../../app/api/v1/me/route";
import * as invitations from "../../app/api/v1/invitations/route";
import * as importRoute from "../../app/api/v1/users/import/route";
import * as organizations from "../../app/api/v1/directory/organizations/route";

const PHISH = "Олена Коваль\nВаш пароль скинуто. Увійдіть тут: http://evil.example/login";

let orgId = "";
let orgName = "";
let hromadaId = "";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
  const org = await getDb().user.findUniqueOrThrow({
    where: { email: "methodist.poltava@demo.skhodynky.org" },
    select: { organization: { select: { id: true, name: true, hromadaId: true } } },
  });
  ({ id: orgId, name: orgName, hromadaId } = org.organization);
});

describe("names and positions are one line of plain text", () => {
  it("the profile refuses line breaks and control characters in the name and the position", async () => {
    const user = await signInAs("learner@demo.skhodynky.org");
    const before = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, position: true } });
    for (const body of [
      { name: PHISH },
      { name: "Олена\tКоваль" },
      { position: "соцпрацівник\r\nhttp://evil.example" },
      { position: "соцпрацівник\u0000" },
      { name: "Олена\u202eКоваль" },
    ]) {
      const res = await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json.error?.fields ?? {})).toEqual(Object.keys(body));
    }
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, position: true } })).toEqual(before);
    const fine = await callRoute(me.PATCH, "/api/v1/me", { method: "PATCH", body: { name: "  Олена   Коваль ", position: "фахівчиня" } });
    expect(fine.status).toBe(200);
    expect(fine.json).toMatchObject({ name: "Олена   Коваль", position: "фахівчиня" });
  });

  it("an invitation refuses a name or a position with a line break", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const name = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "phish.name@example.org", name: PHISH, organizationId: orgId, roles: ["LEARNER"] },
    });
    expect(name.status).toBe(400);
    expect(name.json.error?.fields?.name).toBeDefined();
    const position = await callRoute(invitations.POST, "/api/v1/invitations", {
      body: { email: "phish.position@example.org", name: "Олена Коваль", position: "посада\nУвійдіть тут", organizationId: orgId, roles: ["LEARNER"] },
    });
    expect(position.status).toBe(400);
    expect(position.json.error?.fields?.position).toBeDefined();
    expect(await getDb().invitation.count({ where: { email: { in: ["phish.name@example.org", "phish.position@example.org"] } } })).toBe(0);
  });

  it("a CSV import reports a name or a position with a line break by row", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const csv = [
      "name,email,organization,roles,position",
      `"Олена Коваль\nВаш пароль скинуто",csv.phish1@example.org,${orgName},learner,`,
      `Ігор Бондар,csv.phish2@example.org,${orgName},learner,"посада\r\nУвійдіть тут: http://evil.example"`,
      `Тарас Шевчук,csv.fine@example.org,${orgName},learner,фахівець`,
    ].join("\r\n");
    const res = await callRoute(importRoute.POST, "/api/v1/users/import", { body: { csv } });
    expect(res.status).toBe(422);
    const rows = (res.json.error?.rows as { row: number; field: string }[]).map((r) => `${r.row}:${r.field}`);
    expect(rows.sort()).toEqual(["2:name", "3:position"]);
    expect(await getDb().invitation.count({ where: { email: { startsWith: "csv." } } })).toBe(0);
  });

  it("directory names are one line too", async () => {
    await signInAs("admin@demo.skhodynky.org");
    const res = await callRoute(organizations.POST, "/api/v1/directory/organizations", {
      body: { hromadaId, name: "ЦНСП\nУвійдіть тут: http://evil.example", kind: "NGO" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.fields?.name).toBeDefined();
  });
});

describe("mail never lets someone's text start a line", () => {
  it("a digest carries a name stored before these rules on its notification line, flattened and without a link", async () => {
    const db = getDb();
    const [curatorEmail, menteeEmail] = DEMO_MENTORSHIPS[0]!;
    const curator = await db.user.findUniqueOrThrow({ where: { email: curatorEmail } });
    const mentee = await db.user.update({ where: { email: menteeEmail }, data: { name: PHISH } });
    await db.notification.create({ data: { userId: curator.id, kind: "feedback.message", data: { actorName: mentee.name }, href: "/curator" } });
    await db.user.update({ where: { id: curator.id }, data: { name: `Кураторка\nУвійдіть тут: http://evil.example`, digest: "daily", digestSentAt: null } });

    await sendDueDigests(new Date());
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: curator.email }, orderBy: { createdAt: "desc" } });
    const lines = mail.text.split("\n");
    const phishLines = lines.filter((l) => l.includes("Ваш пароль скинуто"));
    expect(phishLines).toHaveLength(1);
    expect(phishLines[0]).toMatch(/^• Нове повідомлення від Олена Коваль Ваш пароль скинуто\./);
    expect(lines[0]).toMatch(/^Вітаємо, Кураторка Увійдіть тут/);
    expect(lines.some((l) => /^\s*(Ваш пароль|Увійдіть)/.test(l))).toBe(false);
    expect(mail.text).not.toContain("http://evil.example");
  });
});
