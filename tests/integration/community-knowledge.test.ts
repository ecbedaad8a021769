import { actorFromDb } from "../factories/actors";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { acceptAnswer } from "../../features/community/server/accept-answer";
import { deletePost } from "../../features/community/server/delete-post";
import { addKnowledgeEntry } from "../../features/community/server/add-knowledge-entry";
import { listKnowledge } from "../../features/community/server/list-knowledge";
import { updateKnowledgeEntry } from "../../features/community/server/update-knowledge-entry";
import { removeKnowledgeEntry } from "../../features/community/server/remove-knowledge-entry";
import { moveKnowledgeEntry } from "../../features/community/server/move-knowledge-entry";
import { decidePost } from "../../features/community/server/decide-post";
import { getThreadKnowledge } from "../../features/community/server/get-thread-knowledge";
import { listMyAdmissions } from "../../features/community/server/list-my-admissions";
import { createDemoWorld, DEMO_EMAIL_DOMAIN } from "../factories/demo-world";
import { createDemoCommunity, DEMO_KNOWLEDGE_ENTRY } from "../factories/demo-community";
import * as addRoute from "../../app/api/v1/community/threads/[id]/knowledge/route";
import * as listRoute from "../../app/api/v1/community/spaces/[slug]/knowledge/route";

let n = 0;
const slug = (word: string) => `kb-${word}-${Date.now().toString(36)}-${n++}`;

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "knowledge-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

/** A region of this file's own with its space, another region, a national space; every test makes its own threads. */
let world: {
  learner: Person;
  colleague: Person;
  methodologist: Person;
  otherMethodologist: Person;
  admin: Person;
  stranger: Person;
  region: string;
  otherRegion: string;
  national: string;
};

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const region = slug("region");
  const otherRegion = slug("other");
  const national = slug("national");
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Область бази знань", regionId: here.regionId } });
  await db.communitySpace.create({ data: { kind: "REGION", slug: otherRegion, name: "Інша область", regionId: there.regionId } });
  await db.communitySpace.create({ data: { kind: "NATIONAL", slug: national, name: "Національний простір" } });
  world = {
    learner: await person(here, ["LEARNER"]),
    colleague: await person(here, ["LEARNER"]),
    methodologist: await person(here, ["METHODOLOGIST"]),
    otherMethodologist: await person(there, ["METHODOLOGIST"]),
    admin: await person(there, ["ADMIN"]),
    stranger: await person(there, ["LEARNER"]),
    region,
    otherRegion,
    national,
  };
});

/** A question in the space with a colleague's reply accepted by its author. */
async function answeredQuestion(spaceSlug = world.region, title = "Як допомогти клієнтові з кодом у Дії?") {
  const thread = await createThread(world.learner.actor, { spaceSlug, kind: "QUESTION", title, body: "Код не приходить. Що перевірити?" });
  const reply = await replyToThread(world.colleague.actor, thread.id, { body: "Перевірте заблокованих відправників SMS." });
  await acceptAnswer(world.learner.actor, reply.id);
  return { threadId: thread.id, answerId: reply.id, title };
}

const SUMMARY = "Якщо код для входу не приходить, спершу перевірте заблокованих відправників і пам'ять SMS.";

describe("adding to the region knowledge base", () => {
  it("lets the region's methodologist add an accepted answer; the title defaults to the thread's; readers see it with the answer", async () => {
    const q = await answeredQuestion();
    const { methodologist, learner } = world;
    await expect(getThreadKnowledge(methodologist.actor, q.threadId)).resolves.toMatchObject({ canAdd: true, knowledgeHref: null });
    await expect(getThreadKnowledge(learner.actor, q.threadId)).resolves.toMatchObject({ canAdd: false });
    const { id } = await addKnowledgeEntry(methodologist.actor, q.threadId, { summary: SUMMARY });
    const view = await listKnowledge(learner.actor, world.region);
    expect(view.canCurate).toBe(false);
    const entry = view.entries.find((e) => e.id === id)!;
    expect(entry).toMatchObject({ title: q.title, summary: SUMMARY, threadId: q.threadId, status: "current" });
    expect(entry.answer?.html).toContain("заблокованих відправників");
    await expect(getThreadKnowledge(learner.actor, q.threadId)).resolves.toMatchObject({ knowledgeHref: `/community/${world.region}/knowledge` });
    // Admins read region spaces, so they read the knowledge base; they do not curate it.
    await expect(listKnowledge(world.admin.actor, world.region)).resolves.toMatchObject({ canCurate: false });
  });

  it("refuses others: learners and other regions' methodologists (403), another region's readers (403), admins (403)", async () => {
    const q = await answeredQuestion();
    await expect(addKnowledgeEntry(world.learner.actor, q.threadId, { summary: SUMMARY })).rejects.toMatchObject({ status: 403 });
    await expect(addKnowledgeEntry(world.otherMethodologist.actor, q.threadId, { summary: SUMMARY })).rejects.toMatchObject({ status: 403 });
    await expect(addKnowledgeEntry(world.admin.actor, q.threadId, { summary: SUMMARY })).rejects.toMatchObject({ status: 403 });
    await expect(listKnowledge(world.stranger.actor, world.region)).rejects.toMatchObject({ status: 403 });
    // Only region spaces have a knowledge base.
    await expect(listKnowledge(world.learner.actor, world.national)).rejects.toMatchObject({ status: 404 });
  });

  it("takes only questions with an accepted answer (409), and a title and summary without client data (422)", async () => {
    const { methodologist, learner, colleague } = world;
    const open = await createThread(learner.actor, { spaceSlug: world.region, kind: "QUESTION", title: "Питання без відповіді", body: "Що робити?" });
    await replyToThread(colleague.actor, open.id, { body: "Можливо, так." });
    await expect(addKnowledgeEntry(methodologist.actor, open.id, { summary: SUMMARY })).rejects.toMatchObject({
      status: 409,
      message: "errors.knowledgeNeedsAcceptedAnswer",
    });
    const discussion = await createThread(learner.actor, { spaceSlug: world.region, kind: "DISCUSSION", title: "Обговорення", body: "Як у вас?" });
    await expect(addKnowledgeEntry(methodologist.actor, discussion.id, { summary: SUMMARY })).rejects.toMatchObject({ status: 409 });
    const q = await answeredQuestion();
    await expect(
      addKnowledgeEntry(methodologist.actor, q.threadId, { summary: "Клієнтці, що народилася 12.03.1947, допомогли з кодом." }),
    ).rejects.toMatchObject({ status: 422, fields: { summary: ["errors.knowledgeClientData"] } });
    await expect(addKnowledgeEntry(methodologist.actor, q.threadId, { title: "Дзвоніть +380 67 123 45 67", summary: SUMMARY })).rejects.toMatchObject({
      status: 422,
    });
  });

  it("keeps one entry per thread: of two adds at once one is written, the other answers 409", async () => {
    const q = await answeredQuestion();
    const add = () => addKnowledgeEntry(world.methodologist.actor, q.threadId, { summary: SUMMARY });
    const results = await Promise.allSettled([add(), add(), add()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, message: "errors.knowledgeEntryExists" });
    expect(await getDb().knowledgeEntry.count({ where: { threadId: q.threadId } })).toBe(1);
    // The database refuses a second entry even past the code.
    const space = await getDb().communitySpace.findUniqueOrThrow({ where: { slug: world.region }, select: { id: true } });
    await expect(
      getDb().knowledgeEntry.create({
        data: { spaceId: space.id, threadId: q.threadId, title: "Дубль", summary: "Дубль", position: 99, addedById: world.methodologist.id },
      }),
    ).rejects.toThrow();
  });

  it("through the API: 201, then 409 for the same thread; the list answers readers and 403 to another region", async () => {
    const q = await answeredQuestion();
    await signInAs(world.methodologist.email);
    const path = `/api/v1/community/threads/${q.threadId}/knowledge`;
    const first = await callRoute(addRoute.POST, path, { body: { summary: SUMMARY }, params: { id: q.threadId } });
    expect(first.status).toBe(201);
    const second = await callRoute(addRoute.POST, path, { body: { summary: SUMMARY }, params: { id: q.threadId } });
    expect(second.status).toBe(409);
    expect(second.json.error?.message).toBe("Ця тема вже є в базі знань області.");
    await signInAs(world.learner.email);
    const list = await callRoute(listRoute.GET, `/api/v1/community/spaces/${world.region}/knowledge`, { method: "GET", params: { slug: world.region } });
    expect(list.status).toBe(200);
    expect((list.json.entries as { threadId: string }[]).some((e) => e.threadId === q.threadId)).toBe(true);
    await signInAs(world.stranger.email);
    const other = await callRoute(listRoute.GET, `/api/v1/community/spaces/${world.region}/knowledge`, { method: "GET", params: { slug: world.region } });
    expect(other.status).toBe(403);
  });
});

describe("when the accepted answer changes or goes", () => {
  it("shows the current accepted answer flagged for review, and a confirmed edit clears the flag", async () => {
    const q = await answeredQuestion();
    const { id } = await addKnowledgeEntry(world.methodologist.actor, q.threadId, { summary: SUMMARY });
    const better = await replyToThread(world.methodologist.actor, q.threadId, { body: "Ще краще: увійдіть через застосунок банку." });
    // Changing an accepted answer is not offered by the app yet (decision 022); the entry must cope when it is.
    await getDb().thread.update({ where: { id: q.threadId }, data: { acceptedPostId: better.id } });
    const forReader = (await listKnowledge(world.learner.actor, world.region)).entries.find((e) => e.id === id)!;
    expect(forReader).toMatchObject({ status: "changed", answer: { postId: better.id } });
    // A confirmation against an answer that is no longer accepted is refused.
    await expect(updateKnowledgeEntry(world.methodologist.actor, id, { title: q.title, summary: SUMMARY, answerPostId: q.answerId })).rejects.toMatchObject({
      status: 409,
      message: "errors.knowledgeAnswerChanged",
    });
    await updateKnowledgeEntry(world.methodologist.actor, id, { title: "Код не приходить: вхід через банк", summary: SUMMARY, answerPostId: better.id });
    const after = (await listKnowledge(world.learner.actor, world.region)).entries.find((e) => e.id === id)!;
    expect(after).toMatchObject({ status: "current", title: "Код не приходить: вхід через банк" });
    await expect(updateKnowledgeEntry(world.learner.actor, id, { title: "Інша назва", summary: SUMMARY })).rejects.toMatchObject({ status: 403 });
    await expect(updateKnowledgeEntry(world.stranger.actor, id, { title: "Інша назва", summary: SUMMARY })).rejects.toMatchObject({ status: 403 });
  });

  it("hides an entry whose answer was removed from readers and flags it for the methodologists", async () => {
    const q = await answeredQuestion();
    const { id } = await addKnowledgeEntry(world.methodologist.actor, q.threadId, { summary: SUMMARY });
    await deletePost(world.colleague.actor, q.answerId);
    expect((await listKnowledge(world.learner.actor, world.region)).entries.find((e) => e.id === id)).toBeUndefined();
    expect((await listKnowledge(world.methodologist.actor, world.region)).entries.find((e) => e.id === id)).toMatchObject({
      status: "missing",
      answer: null,
    });
    await removeKnowledgeEntry(world.methodologist.actor, id);
    expect((await listKnowledge(world.methodologist.actor, world.region)).entries.find((e) => e.id === id)).toBeUndefined();
    await expect(removeKnowledgeEntry(world.methodologist.actor, id)).rejects.toMatchObject({ status: 404 });
  });

  it("leaves an entry out for readers while a moderator hides its answer, and shows it again once restored", async () => {
    const q = await answeredQuestion();
    const { id } = await addKnowledgeEntry(world.methodologist.actor, q.threadId, { summary: SUMMARY });
    const hidden = await decidePost(world.methodologist.actor, q.answerId, { decision: "hide", reason: "Перевіряємо на дані клієнта", version: 0 });
    expect((await listKnowledge(world.learner.actor, world.region)).entries.find((e) => e.id === id)).toBeUndefined();
    expect((await listKnowledge(world.methodologist.actor, world.region)).entries.find((e) => e.id === id)).toMatchObject({ status: "missing", answer: null });
    await decidePost(world.methodologist.actor, q.answerId, { decision: "restore", reason: "Даних клієнта немає", version: hidden.version });
    expect((await listKnowledge(world.learner.actor, world.region)).entries.find((e) => e.id === id)).toMatchObject({ status: "current" });
  });
});

describe("ordering", () => {
  it("adds new entries last and moves one up or down; at either end it stays", async () => {
    const suffix = slug("order");
    // Other tests of this file add to the same region's list; these three are compared among themselves.
    const before = (await listKnowledge(world.methodologist.actor, world.region)).entries.map((e) => e.id);
    const ids: string[] = [];
    for (const title of [`Перше ${suffix}`, `Друге ${suffix}`, `Третє ${suffix}`]) {
      const q = await answeredQuestion(world.region, title);
      ids.push((await addKnowledgeEntry(world.methodologist.actor, q.threadId, { summary: SUMMARY })).id);
    }
    const order = async () => (await listKnowledge(world.methodologist.actor, world.region)).entries.map((e) => e.id).filter((id) => ids.includes(id));
    expect((await listKnowledge(world.methodologist.actor, world.region)).entries.map((e) => e.id).slice(0, before.length)).toEqual(before);
    expect(await order()).toEqual(ids);
    await moveKnowledgeEntry(world.methodologist.actor, ids[2]!, "up");
    expect(await order()).toEqual([ids[0], ids[2], ids[1]]);
    await moveKnowledgeEntry(world.methodologist.actor, ids[0]!, "down");
    expect(await order()).toEqual([ids[2], ids[0], ids[1]]);
    await expect(moveKnowledgeEntry(world.learner.actor, ids[0]!, "up")).rejects.toMatchObject({ status: 403 });
  });
});

describe("the demo world", () => {
  it("seeds one knowledge-base entry in Poltava that readers see, and an invitation waiting for the demo learner", async () => {
    const db = getDb();
    await createDemoWorld(db, { passwordHash: "not-used-here" });
    await createDemoCommunity(db);
    const actorOf = (email: string) => actorFromDb(db, { email });
    const learner = await actorOf(`learner@${DEMO_EMAIL_DOMAIN}`);
    const view = await listKnowledge(learner, "region-poltava");
    expect(view.entries).toEqual([expect.objectContaining({ title: DEMO_KNOWLEDGE_ENTRY.title, status: "current" })]);
    expect((await listMyAdmissions(learner)).invitations).toEqual([expect.objectContaining({ groupName: "Цифрові куратори Полтавщини" })]);
  });
});
