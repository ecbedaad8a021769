import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { createNationalSpace, spaceSlugFrom } from "../../features/community/server/create-space";
import { listSpaces } from "../../features/community/server/list-spaces";
import { createThread } from "../../features/community/server/create-thread";
import * as spacesRoute from "../../app/api/v1/community/spaces/route";

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "spaces-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

let world: { admin: Person; methodologist: Person; learner: Person; elsewhere: Person };
let n = 0;
/** A name no other test uses, so its address is this test's alone. */
const uniqueName = (word: string) => `${word} ${Date.now().toString(36)}${n++}`;

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  world = {
    admin: await person(here, ["ADMIN"]),
    methodologist: await person(here, ["METHODOLOGIST"]),
    learner: await person(here, ["LEARNER"]),
    elsewhere: await person(there, ["LEARNER"]),
  };
});

describe("national topic spaces", () => {
  it("makes a readable address from a Ukrainian name, and never one of the pages under /community/", () => {
    expect(spaceSlugFrom("Держпослуги онлайн")).toBe("derzhposluhy-onlain");
    expect(spaceSlugFrom("Пенсійний фонд: е-послуги")).toBe("pensiinyi-fond-e-posluhy");
    expect(spaceSlugFrom("Zoom і Google Meet")).toBe("zoom-i-google-meet");
    expect(spaceSlugFrom("Search")).toBe("space-search");
    expect(spaceSlugFrom("Т")).toBe("space-t");
    expect(spaceSlugFrom("!!!")).toBe("space-new");
    expect(spaceSlugFrom("Дуже ".repeat(30)).length).toBeLessThanOrEqual(48);
  });

  it("an admin opens one; everyone signed in, in every region, sees it and may start a thread there", async () => {
    const name = uniqueName("Пенсійний фонд онлайн");
    const { slug } = await createNationalSpace(world.admin.actor, { name, description: "Електронні послуги ПФУ: як допомогти людині." });
    expect(slug).toMatch(/^pensiinyi-fond-onlain-/);
    for (const reader of [world.learner, world.elsewhere, world.methodologist]) {
      expect((await listSpaces(reader.actor)).find((s) => s.slug === slug)).toMatchObject({ kind: "NATIONAL", readable: true, name });
    }
    await expect(
      createThread(world.elsewhere.actor, {
        spaceSlug: slug,
        kind: "QUESTION",
        title: "Як подати заяву через вебпортал?",
        body: "Підкажіть, де на порталі ПФУ ця форма.",
      }),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses everyone but admins (403), and names that look like a client's data (422)", async () => {
    for (const who of [world.methodologist, world.learner]) {
      await expect(createNationalSpace(who.actor, { name: uniqueName("Простір") })).rejects.toMatchObject({ status: 403 });
    }
    await expect(createNationalSpace(world.admin.actor, { name: "Іваненко Марія 12.03.1948" })).rejects.toMatchObject({
      status: 422,
      fields: { name: ["errors.spaceClientData"] },
    });
  });

  it("gives two spaces with one name two addresses, even when opened at once", async () => {
    const name = uniqueName("Дія для громади");
    const made = await Promise.all([1, 2, 3].map(() => createNationalSpace(world.admin.actor, { name })));
    expect(new Set(made.map((m) => m.slug)).size).toBe(3);
    expect(await getDb().communitySpace.count({ where: { name } })).toBe(3);
  });

  it("keeps addresses the database's way: a page's address or an upper-case one is refused even by a direct write", async () => {
    for (const slug of ["moderation", "search", "new-space", "Upper", "-lead", "with space"]) {
      await expect(getDb().communitySpace.create({ data: { kind: "NATIONAL", slug, name: "Перевірка адреси" } }), slug).rejects.toThrow();
    }
  });

  it("through the API: 201 with the address for an admin, 403 for a learner, 400 for a short name", async () => {
    await signInAs(world.admin.email);
    const created = await callRoute(spacesRoute.POST, "/api/v1/community/spaces", { body: { name: uniqueName("Цифрові інструменти") } });
    expect(created.status).toBe(201);
    expect(created.json.slug).toMatch(/^tsyfrovi-instrumenty-/);
    const short = await callRoute(spacesRoute.POST, "/api/v1/community/spaces", { body: { name: "Ді" } });
    expect(short.status).toBe(400);
    expect(short.json.error?.fields?.name).toEqual(["Назва простору — щонайменше 3 символи."]);
    await signInAs(world.learner.email);
    expect((await callRoute(spacesRoute.POST, "/api/v1/community/spaces", { body: { name: uniqueName("Простір") } })).status).toBe(403);
  });
});
