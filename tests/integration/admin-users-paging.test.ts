import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createPerson, createPlace, uniqueSuffix } from "../factories/people";
import { actorFromDb } from "../factories/actors";
import { findUsers, USERS_PAGE_SIZE } from "../../features/admin/server/queries";

describe("the admin's list of people", () => {
  it("pages through everyone who matches, each person once, in name order; a page past the end answers the last", async () => {
    const db = getDb();
    const place = await createPlace(db);
    const admin = await actorFromDb(db, { id: (await createPerson(db, { organizationId: place.organizationId, roles: ["ADMIN"] })).id });
    const tag = `Сторінковий${uniqueSuffix()}`;
    const count = USERS_PAGE_SIZE + 7;
    const made = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        createPerson(db, {
          organizationId: place.organizationId,
          roles: ["LEARNER"],
          name: `${tag} ${String(i).padStart(3, "0")}`,
          password: "Спільний-пароль-2026",
        }),
      ),
    );

    const first = await findUsers(admin, tag);
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const second = await findUsers(admin, tag, 2);
    expect(second.rows).toHaveLength(7);
    const names = [...first.rows, ...second.rows].map((r) => r.name);
    expect(names).toEqual(made.map((p) => p.name).sort());
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(count);

    expect((await findUsers(admin, tag, 99)).page).toBe(2);
    expect((await findUsers(admin, tag, 0)).page).toBe(1);
    expect((await findUsers(admin, tag, Number.NaN)).page).toBe(1);
  });
});
