import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, signInAs } from "../helpers/api";
import * as invitations from "../../app/api/v1/invitations/route";
import * as importRoute from "../../app/api/v1/users/import/route";

let poltavaOrg = { id: "", name: "" };
let zhytomyrOrg = { id: "", name: "" };

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
  const orgOf = async (email: string) =>
    (await getDb().user.findUniqueOrThrow({ where: { email }, select: { organization: { select: { id: true, name: true } } } })).organization;
  poltavaOrg = await orgOf("methodist.poltava@demo.skhodynky.org");
  zhytomyrOrg = await orgOf("methodist.zhytomyr@demo.skhodynky.org");
});

const invite = (email: string, organizationId: string) =>
  callRoute(invitations.POST, "/api/v1/invitations", { body: { email, name: "Оксана Мельник", organizationId, roles: ["LEARNER"] } });

const pending = (email: string) =>
  getDb().invitation.findMany({ where: { email, acceptedAt: null, revokedAt: null }, select: { organizationId: true, invitedById: true } });

describe("inviting an address that already has a pending invitation", () => {
  it("a methodologist of another region cannot cancel it: 409 with a clear message, the invitation stays", async () => {
    await signInAs("admin@demo.skhodynky.org");
    expect((await invite("sought.after@example.org", poltavaOrg.id)).status).toBe(201);

    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    const res = await invite("sought.after@example.org", zhytomyrOrg.id);
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toMatch(/запрошення, яке ви не можете скасувати/);
    expect(res.json.error?.fields?.email).toBeDefined();

    const left = await pending("sought.after@example.org");
    expect(left).toHaveLength(1);
    expect(left[0]!.organizationId).toBe(poltavaOrg.id);
    // Only the admin's invitation was mailed.
    expect(await getDb().outboxMail.count({ where: { to: "sought.after@example.org" } })).toBe(1);
  });

  it("a methodologist replaces an invitation of their own region", async () => {
    await signInAs("methodist.poltava@demo.skhodynky.org");
    expect((await invite("second.try@example.org", poltavaOrg.id)).status).toBe(201);
    expect((await invite("second.try@example.org", poltavaOrg.id)).status).toBe(201);
    expect(await pending("second.try@example.org")).toHaveLength(1);
    expect(await getDb().invitation.count({ where: { email: "second.try@example.org", revokedAt: { not: null } } })).toBe(1);
  });

  it("an admin may replace any region's invitation", async () => {
    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    expect((await invite("moved.region@example.org", zhytomyrOrg.id)).status).toBe(201);
    await signInAs("admin@demo.skhodynky.org");
    expect((await invite("moved.region@example.org", poltavaOrg.id)).status).toBe(201);
    const left = await pending("moved.region@example.org");
    expect(left).toHaveLength(1);
    expect(left[0]!.organizationId).toBe(poltavaOrg.id);
  });

  it("an expired invitation of another region does not stand in the way", async () => {
    await signInAs("admin@demo.skhodynky.org");
    expect((await invite("long.ago@example.org", poltavaOrg.id)).status).toBe(201);
    await getDb().invitation.updateMany({ where: { email: "long.ago@example.org" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    expect((await invite("long.ago@example.org", zhytomyrOrg.id)).status).toBe(201);
  });

  it("a CSV import reports such an address by row and imports nothing", async () => {
    await signInAs("admin@demo.skhodynky.org");
    expect((await invite("csv.taken@example.org", poltavaOrg.id)).status).toBe(201);
    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    const csv = [
      "name,email,organization,roles",
      `Тарас Шевчук,csv.free@example.org,${zhytomyrOrg.name},learner`,
      `Оксана Мельник,csv.taken@example.org,${zhytomyrOrg.name},learner`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/v1/users/import", { body: { csv } });
    expect(res.status).toBe(422);
    expect(res.json.error?.rows).toEqual([expect.objectContaining({ row: 3, field: "email", message: expect.stringMatching(/не можете скасувати/) })]);
    expect(await pending("csv.taken@example.org")).toEqual([expect.objectContaining({ organizationId: poltavaOrg.id })]);
    expect(await getDb().invitation.count({ where: { email: "csv.free@example.org" } })).toBe(0);
  });
});
