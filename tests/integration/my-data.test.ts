import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { MESSAGES } from "../../server/i18n";
import { kyivDay } from "../../lib/kyiv-calendar";
import { getMyData } from "../../features/accounts/server/get-my-data";
import { MY_DATA_RAW_FIELDS, MY_DATA_SECTIONS, type MyData, type MyDataValue } from "../../features/accounts/my-data";
import { actorFromDb } from "../factories/actors";
import { createPlace } from "../factories/people";
import { createPersonWithData, type PersonWithData } from "../factories/personal-data";
import { callRoute, signInAs, signOutLocally } from "../helpers/api";
import * as dataRoute from "../../app/api/v1/me/data/route";

/**
 * "My data" (issue 15, decision 051): a person gets everything the platform holds about them —
 * from every table that refers to their account — and nothing of anyone else's beyond what they
 * already see, and never a password hash, a token, a second factor's secret or a recovery code.
 */

const db = getDb();
let mine: PersonWithData;
let theirs: PersonWithData;
let data: MyData;

/** Every key in the data, and every key outside stored JSON (whose keys are data, not field names). */
function keysOf(value: MyDataValue, all: Set<string>, fields: Set<string>, inRaw = false): void {
  if (Array.isArray(value)) {
    for (const v of value) keysOf(v, all, fields, inRaw);
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      all.add(key);
      if (!inRaw) fields.add(key);
      keysOf(v, all, fields, inRaw || MY_DATA_RAW_FIELDS.has(key));
    }
  }
}

beforeAll(async () => {
  // Two people with rows in the same tables, in two regions.
  mine = await createPersonWithData(db, await createPlace(db));
  theirs = await createPersonWithData(db, await createPlace(db));
  data = await getMyData(await actorFromDb(db, { id: mine.person.id }));
});

describe("my data", () => {
  it("has the account and a record in every section for a person with data everywhere", () => {
    expect(data.account).toMatchObject({
      id: mine.person.id,
      name: mine.person.name,
      email: mine.person.email,
      roles: ["LEARNER", "CURATOR", "METHODOLOGIST"],
    });
    const empty = MY_DATA_SECTIONS.filter((id) => data.sections[id].length === 0);
    expect(empty).toEqual([]);
    expect(Object.keys(data.sections).sort()).toEqual([...MY_DATA_SECTIONS].sort());
  });

  it("holds what they wrote and what others wrote to them that they see", () => {
    const json = JSON.stringify(data);
    const s = data.sections;
    expect(JSON.stringify(s.communityPosts)).toContain(`Мій допис ${mine.marker}`);
    expect(JSON.stringify(s.postDrafts)).toContain(`Чернетка допису ${mine.marker}`);
    expect(JSON.stringify(s.assessments)).toContain(`Моя примітка ${mine.marker}`);
    expect(JSON.stringify(s.assessments)).toContain(`Відгук куратора ${mine.seenMarker}`);
    expect(JSON.stringify(s.feedbackMessages)).toContain(`Куратору ${mine.marker}`);
    expect(JSON.stringify(s.feedbackMessages)).toContain(`Від куратора ${mine.seenMarker}`);
    expect(JSON.stringify(s.feedbackMessages)).toContain(`Підопічному ${mine.marker}`);
    expect(JSON.stringify(s.assignmentsReceived)).toContain(mine.curator.name);
    expect(JSON.stringify(s.mentorshipsAsMentee)).toContain(mine.curator.name);
    expect(s.sessions[0]).toMatchObject({ userAgent: `Firefox ${mine.marker}`, ip: "10.20.30.40" });
    expect(s.recoveryCodes).toEqual([expect.objectContaining({ count: 1, used: 0 })]);
    expect(json).toContain(mine.marker);
  });

  it("holds nothing of another person's: not their data, not a mentee's words, not whom they invited", () => {
    const json = JSON.stringify(data);
    const foreign = [
      theirs.person.name,
      theirs.person.email,
      theirs.marker,
      theirs.seenMarker,
      theirs.othersMarker,
      theirs.curator.name,
      // People of their own work whose data they do not see in the app.
      mine.othersMarker,
      mine.mentee.name,
      mine.mentee.email,
      mine.mentee.id,
      mine.admin.name,
      mine.admin.email,
      mine.curator.email,
      mine.invitee.email,
      mine.invitee.name,
    ];
    for (const text of foreign) expect(json, text).not.toContain(text);
  });

  it("never holds a password hash, a token or its hash, a second factor's secret or a recovery code", async () => {
    const all = new Set<string>();
    keysOf(data as unknown as MyDataValue, all, new Set());
    expect(all.size).toBeGreaterThan(100);
    // passwordHash, tokenHash, codeHash, secret, publicKey, credentialId, a token of any kind.
    expect([...all].filter((k) => /(^password$|hash$|secret|token|credential|publickey|^code$)/i.test(k))).toEqual([]);
    const json = JSON.stringify(data);
    const stored = await db.user.findUniqueOrThrow({ where: { id: mine.person.id }, select: { passwordHash: true } });
    for (const secret of [...mine.secrets, stored.passwordHash!]) expect(json).not.toContain(secret);
    // The text of mail sent to them carried a reset link: only its subject and time are theirs to take.
    expect(json).not.toContain("token=");
  });

  it("names every field and every section in both languages", () => {
    const fields = new Set<string>();
    keysOf({ account: data.account, ...data.sections } as unknown as MyDataValue, new Set(), fields);
    for (const id of MY_DATA_SECTIONS) fields.delete(id);
    fields.delete("account");
    for (const locale of ["uk", "en"] as const) {
      const m = MESSAGES[locale].myData;
      expect(
        [...fields].filter((f) => !(f in m.fields)),
        locale,
      ).toEqual([]);
      expect(
        MY_DATA_SECTIONS.filter((id) => !(id in m.sections)),
        locale,
      ).toEqual([]);
    }
  });
});

describe("GET /api/v1/me/data", () => {
  it("downloads the signed-in person's own data as a JSON file that is never cached, and notes it in the audit trail", async () => {
    await signInAs(mine.person.email);
    const response = await callRoute(dataRoute.GET, "/api/v1/me/data", { method: "GET" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toContain(`attachment; filename="skhodynky-my-data-${kyivDay(new Date())}.json"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = response.json as unknown as MyData;
    expect(body.account).toMatchObject({ id: mine.person.id, email: mine.person.email });
    expect(JSON.stringify(body)).not.toContain(theirs.person.email);
    expect(await db.auditEntry.count({ where: { action: "personal-data.exported", actorId: mine.person.id, targetId: mine.person.id } })).toBe(1);

    await signInAs(theirs.person.email);
    const other = (await callRoute(dataRoute.GET, "/api/v1/me/data", { method: "GET" })).json as unknown as MyData;
    expect(other.account).toMatchObject({ id: theirs.person.id });
    expect(JSON.stringify(other)).not.toContain(mine.person.email);

    signOutLocally();
    expect((await callRoute(dataRoute.GET, "/api/v1/me/data", { method: "GET" })).status).toBe(401);
  });
});
