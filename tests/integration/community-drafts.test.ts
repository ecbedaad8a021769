import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { saveDraft } from "../../features/community/server/save-draft";
import { getDraft } from "../../features/community/server/get-draft";
import { deleteDraft } from "../../features/community/server/delete-draft";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { editPost } from "../../features/community/server/edit-post";
import { getThread } from "../../features/community/server/get-thread";
import { setThreadLocked } from "../../features/community/server/set-thread-locked";
import { purgeExpiredRecords, RETENTION_MS } from "../../server/jobs/retention";
import * as draftRoute from "../../app/api/v1/community/drafts/[kind]/[target]/route";

/** Post drafts saved as you type (decision 025): one per person per target, newest revision wins. */

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "drafts-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

let n = 0;
const slug = (word: string) => `d-${word}-${Date.now().toString(36)}-${n++}`;

let world: { author: Person; colleague: Person; stranger: Person; methodologist: Person; region: string; otherRegion: string; group: string };

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const author = await person(here, ["LEARNER"]);
  const colleague = await person(here, ["LEARNER"]);
  const methodologist = await person(here, ["METHODOLOGIST"]);
  const stranger = await person(there, ["LEARNER"]);
  const region = slug("region");
  const otherRegion = slug("other");
  const group = slug("group");
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Область для чернеток", regionId: here.regionId } });
  await db.communitySpace.create({ data: { kind: "REGION", slug: otherRegion, name: "Інша область", regionId: there.regionId } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: group,
      name: "Група",
      regionId: here.regionId,
      ownerId: colleague.id,
      members: { create: [{ userId: colleague.id, role: "OWNER" }] },
    },
  });
  world = { author, colleague, stranger, methodologist, region, otherRegion, group };
});

const question = (spaceSlug: string) => ({ spaceSlug, kind: "QUESTION" as const, title: "Тема для чернеток", body: "Як бути з кодом у Дії?" });
const body = (text: string) => ({ body: text });
const rows = (userId: string) => getDb().postDraft.findMany({ where: { userId }, select: { kind: true, targetId: true, revision: true } });

describe("saving a draft", () => {
  it("keeps the newest revision: a late older save and a repeated save change nothing", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    const first = await saveDraft(author.actor, "reply", thread.id, { revision: 100, content: body("Перша версія") });
    expect(first).toMatchObject({ revision: 100, applied: true });
    expect(await saveDraft(author.actor, "reply", thread.id, { revision: 300, content: body("Третя версія") })).toMatchObject({ revision: 300, applied: true });
    // The second save arrives after the third (a retry over a weak connection).
    expect(await saveDraft(author.actor, "reply", thread.id, { revision: 200, content: body("Друга версія") })).toMatchObject({
      revision: 300,
      applied: false,
    });
    expect(await saveDraft(author.actor, "reply", thread.id, { revision: 300, content: body("Третя, ще раз") })).toMatchObject({
      revision: 300,
      applied: false,
    });
    expect(await getDraft(author.actor, "reply", thread.id)).toMatchObject({ revision: 300, content: { body: "Третя версія" } });
  });

  it("leaves the highest of many saves racing, in one row (Promise.all)", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    const revisions = [5, 9, 1, 7, 3, 8, 2, 10, 4, 6];
    const results = await Promise.all(revisions.map((r) => saveDraft(author.actor, "reply", thread.id, { revision: r, content: body(`Версія ${r}`) })));
    expect(results.every((r) => r.revision <= 10)).toBe(true);
    expect(await getDraft(author.actor, "reply", thread.id)).toMatchObject({ revision: 10, content: { body: "Версія 10" } });
    expect((await rows(author.id)).filter((r) => r.targetId === thread.id)).toHaveLength(1);
  });

  it("has one row per person per target in the database itself", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    await saveDraft(author.actor, "reply", thread.id, { revision: 1, content: body("Текст") });
    await expect(
      getDb().postDraft.create({ data: { userId: author.id, kind: "REPLY", targetId: thread.id, content: { body: "Другий" }, revision: 2n } }),
    ).rejects.toThrow();
    await expect(getDb().postDraft.create({ data: { userId: author.id, kind: "OTHER", targetId: thread.id, content: {}, revision: 2n } })).rejects.toThrow();
  });

  it("keeps each person's draft to themselves", async () => {
    const { author, colleague } = world;
    const thread = await createThread(colleague.actor, question(world.region));
    await saveDraft(author.actor, "reply", thread.id, { revision: 5, content: body("Моє") });
    expect(await getDraft(colleague.actor, "reply", thread.id)).toBeNull();
    await saveDraft(colleague.actor, "reply", thread.id, { revision: 1, content: body("Колеги") });
    expect(await getDraft(author.actor, "reply", thread.id)).toMatchObject({ content: { body: "Моє" } });
    expect(await getDraft(colleague.actor, "reply", thread.id)).toMatchObject({ content: { body: "Колеги" } });
  });

  it("is checked like the post it will become: 404 for a group one is not in, 403 for another region, 409 in a locked thread", async () => {
    const { author, colleague, stranger, methodologist } = world;
    const inGroup = await createThread(colleague.actor, question(world.group));
    await expect(saveDraft(author.actor, "reply", inGroup.id, { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 404 });
    await expect(saveDraft(author.actor, "thread", world.group, { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 404 });
    await expect(saveDraft(stranger.actor, "thread", world.region, { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 403 });
    await expect(saveDraft(author.actor, "reply", "no-such-thread", { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 404 });
    const thread = await createThread(colleague.actor, question(world.region));
    const post = (await getThread(colleague.actor, thread.id)).question!;
    await expect(saveDraft(author.actor, "edit", post.id, { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 403 });
    await setThreadLocked(methodologist.actor, thread.id, true, "Питання вичерпано");
    await expect(saveDraft(author.actor, "reply", thread.id, { revision: 1, content: body("x") })).rejects.toMatchObject({ status: 409 });
  });

  it("never writes the text to the log", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    // console.error is already watched by the test setup (any call fails the test); the others here.
    const spies = (["log", "info", "warn", "debug"] as const).map((m) => vi.spyOn(console, m));
    const secret = "Чернетка-яку-ніхто-не-має-бачити-7Q";
    await saveDraft(author.actor, "reply", thread.id, { revision: 1, content: body(secret) });
    await getDraft(author.actor, "reply", thread.id);
    await deleteDraft(author.actor, "reply", thread.id);
    for (const spy of spies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
      spy.mockRestore();
    }
  });
});

describe("publishing", () => {
  it("deletes the author's draft of a new thread, a reply and an edit with the post — and nobody else's", async () => {
    const { author, colleague } = world;
    const space = await getDb().communitySpace.findUniqueOrThrow({ where: { slug: world.region }, select: { id: true } });
    await saveDraft(author.actor, "thread", world.region, { revision: 1, content: { threadKind: "QUESTION", title: "Тема", body: "Текст" } });
    expect(await rows(author.id)).toContainEqual({ kind: "THREAD", targetId: space.id, revision: 1n });
    const thread = await createThread(author.actor, question(world.region));
    expect((await rows(author.id)).some((r) => r.targetId === space.id)).toBe(false);

    await saveDraft(author.actor, "reply", thread.id, { revision: 1, content: body("Відповідь") });
    await saveDraft(colleague.actor, "reply", thread.id, { revision: 1, content: body("Відповідь колеги") });
    const reply = await replyToThread(author.actor, thread.id, { body: "Відповідь" });
    expect(await getDraft(author.actor, "reply", thread.id)).toBeNull();
    expect(await getDraft(colleague.actor, "reply", thread.id)).not.toBeNull();

    await saveDraft(author.actor, "edit", reply.id, { revision: 1, content: body("Відповідь, виправлена") });
    await editPost(author.actor, reply.id, { body: "Відповідь, виправлена" });
    expect(await getDraft(author.actor, "edit", reply.id)).toBeNull();
  });
});

describe("discarding", () => {
  it("is idempotent, and spares a newer draft saved from another tab", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    await saveDraft(author.actor, "reply", thread.id, { revision: 50, content: body("Новіша") });
    await deleteDraft(author.actor, "reply", thread.id, 40);
    expect(await getDraft(author.actor, "reply", thread.id)).not.toBeNull();
    await expect(deleteDraft(author.actor, "reply", thread.id, 50)).resolves.toEqual({ ok: true });
    await expect(deleteDraft(author.actor, "reply", thread.id)).resolves.toEqual({ ok: true });
    expect(await getDraft(author.actor, "reply", thread.id)).toBeNull();
    await expect(deleteDraft(author.actor, "thread", "no-such-space")).resolves.toEqual({ ok: true });
  });
});

describe("retention", () => {
  it("removes drafts untouched for 30 days and keeps newer ones", async () => {
    const { author } = world;
    const now = new Date();
    const old = await createThread(world.colleague.actor, question(world.region));
    const fresh = await createThread(world.colleague.actor, question(world.region));
    await saveDraft(author.actor, "reply", old.id, { revision: 1, content: body("Давня") });
    await saveDraft(author.actor, "reply", fresh.id, { revision: 1, content: body("Свіжа") });
    await getDb().postDraft.updateMany({
      where: { userId: author.id, targetId: old.id },
      data: { updatedAt: new Date(now.getTime() - RETENTION_MS.postDraft - 60_000) },
    });
    await purgeExpiredRecords(now);
    expect(await getDraft(author.actor, "reply", old.id)).toBeNull();
    expect(await getDraft(author.actor, "reply", fresh.id)).not.toBeNull();
  });
});

describe("through the API", () => {
  it("saves, reads back, refuses bad input with 400 and deletes", async () => {
    const { author } = world;
    const thread = await createThread(world.colleague.actor, question(world.region));
    await signInAs(author.email);
    const path = `/api/v1/community/drafts/reply/${thread.id}`;
    const params = { kind: "reply", target: thread.id };
    const put = await callRoute(draftRoute.PUT, path, { method: "PUT", params, body: { revision: 1_764_000_000_000, content: { body: "Довга відповідь…" } } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ revision: 1_764_000_000_000, applied: true });
    const got = await callRoute(draftRoute.GET, path, { method: "GET", params });
    expect(got.json).toMatchObject({ draft: { revision: 1_764_000_000_000, content: { body: "Довга відповідь…" } } });
    expect(got.headers.get("cache-control")).toContain("no-store");
    for (const bad of [
      { revision: -1, content: {} },
      { revision: 1.5, content: {} },
      { revision: 2, content: { body: "x".repeat(20_001) } },
      { content: {} },
    ]) {
      expect((await callRoute(draftRoute.PUT, path, { method: "PUT", params, body: bad })).status).toBe(400);
    }
    expect(
      (await callRoute(draftRoute.PUT, "/x", { method: "PUT", params: { kind: "letter", target: thread.id }, body: { revision: 1, content: {} } })).status,
    ).toBe(400);
    const del = await callRoute(draftRoute.DELETE, `${path}?upTo=1764000000000`, { method: "DELETE", params });
    expect(del.status).toBe(200);
    expect((await callRoute(draftRoute.GET, path, { method: "GET", params })).json).toEqual({ draft: null });
  });
});
