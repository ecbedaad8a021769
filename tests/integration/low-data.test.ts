import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { findConstraintViolation } from "../../server/errors";
import { callRoute, signInAs } from "../helpers/api";
import { createPerson, createPlace } from "../factories/people";
import { actorFromDb } from "../factories/actors";
import { getLowDataMode } from "../../features/accounts/server/low-data";
import * as lowData from "../../app/api/v1/me/low-data/route";

/** Low-data mode (decision 035): a person's own setting, kept by the database to three values. */
let person: { id: string; email: string };

beforeAll(async () => {
  const place = await createPlace(getDb());
  person = await createPerson(getDb(), { organizationId: place.organizationId, roles: ["LEARNER"] });
});

const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

describe("low-data mode", () => {
  it("starts on auto, is set from the profile's plain form, and refuses a value it does not know with 400", async () => {
    const actor = await actorFromDb(getDb(), { id: person.id });
    expect(await getLowDataMode(actor)).toBe("auto");
    await signInAs(person.email);
    const saved = await callRoute(lowData.POST, "/api/v1/me/low-data", form({ mode: "on", next: "/profile?saved=low-data" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/profile?saved=low-data");
    expect(await getLowDataMode(actor)).toBe("on");
    const wrong = await callRoute(lowData.POST, "/api/v1/me/low-data", { body: { mode: "sometimes" } });
    expect(wrong.status).toBe(400);
    expect(await getLowDataMode(actor)).toBe("on");
  });

  it("keeps the stored value to auto, on or off in the database", async () => {
    const error = await getDb()
      .user.update({ where: { id: person.id }, data: { lowData: "maybe" } })
      .catch((e: unknown) => e);
    expect(findConstraintViolation(error)).toMatchObject({ kind: "check", constraint: "User_lowData_check" });
  });
});
