import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { editPost } from "../../features/community/server/edit-post";
import { getThread } from "../../features/community/server/get-thread";
import { getPostHistory } from "../../features/community/server/get-post-history";

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "history-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

let w: { author: Person; reader: Person; methodologist: Person; elsewhere: Person; region: string; group: string };
let n = 0;

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const author = await person(here, ["LEARNER"]);
  const region = `h-region-${Date.now().toString(36)}-${n++}`;
  const group = `h-group-${Date.now().toString(36)}-${n++}`;
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Область (історія правок)", regionId: here.regionId } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: group,
      name: "Група (історія правок)",
      regionId: here.regionId,
      ownerId: author.id,
      members: { create: [{ userId: author.id, role: "OWNER" }] },
    },
  });
  w = {
    author,
    reader: await person(here, ["LEARNER"]),
    methodologist: await person(here, ["METHODOLOGIST"]),
    elsewhere: await person(there, ["LEARNER"]),
    region,
    group,
  };
});

describe("a post's edit history", () => {
  it("keeps every version, newest first, with who made each, for the author and the space's moderators", async () => {
    const thread = await createThread(w.author.actor, {
      spaceSlug: w.region,
      kind: "QUESTION",
      title: "Як записати людину до лікаря онлайн?",
      body: "Перша версія питання.",
    });
    const t0 = new Date();
    await editPost(w.author.actor, thread.postId, { body: "Друга версія питання." }, new Date(t0.getTime() + 60_000));
    await editPost(w.methodologist.actor, thread.postId, { body: "Третя версія (модератор прибрав зайве)." }, new Date(t0.getTime() + 120_000));

    for (const who of [w.author, w.methodologist]) {
      const history = await getPostHistory(who.actor, thread.postId);
      expect(history.current).toMatchObject({ body: "Третя версія (модератор прибрав зайве).", editedByName: w.methodologist.name });
      expect(history.earlier.map((v) => [v.body, v.editedByName])).toEqual([
        ["Друга версія питання.", w.author.name],
        ["Перша версія питання.", null],
      ]);
      expect(new Date(history.earlier[0]!.at).getTime()).toBe(t0.getTime() + 60_000);
      expect((await getThread(who.actor, thread.id)).question!.canSeeHistory).toBe(true);
    }
  });

  it("hides earlier versions from other readers (403), another region (403) and outsiders of a group (404)", async () => {
    const thread = await createThread(w.author.actor, {
      spaceSlug: w.region,
      kind: "DISCUSSION",
      title: "Досвід з Viber-групою громади",
      body: "Текст з номером 0671234567.",
      confirmNoClientData: true,
    });
    const reply = await replyToThread(w.author.actor, thread.id, { body: "Доповнення." });
    await editPost(w.author.actor, thread.postId, { body: "Текст без номера." });
    expect((await getThread(w.reader.actor, thread.id)).question!.canSeeHistory).toBe(false);
    await expect(getPostHistory(w.reader.actor, thread.postId)).rejects.toMatchObject({ status: 403 });
    await expect(getPostHistory(w.elsewhere.actor, thread.postId)).rejects.toMatchObject({ status: 403 });
    // Not edited: no link, but the author may still open the (single-version) history.
    expect((await getThread(w.author.actor, thread.id)).replies.find((p) => p.id === reply.id)!.canSeeHistory).toBe(false);
    expect((await getPostHistory(w.author.actor, reply.id)).earlier).toEqual([]);

    const inGroup = await createThread(w.author.actor, { spaceSlug: w.group, kind: "DISCUSSION", title: "План групи на тиждень", body: "Чернетка плану." });
    await editPost(w.author.actor, inGroup.postId, { body: "План." });
    await expect(getPostHistory(w.reader.actor, inGroup.postId)).rejects.toMatchObject({ status: 404 });
  });
});
