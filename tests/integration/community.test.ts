import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { listSpaces } from "../../features/community/server/list-spaces";
import { listThreads } from "../../features/community/server/list-threads";
import { getThread } from "../../features/community/server/get-thread";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { editPost } from "../../features/community/server/edit-post";
import { deletePost } from "../../features/community/server/delete-post";
import { acceptAnswer } from "../../features/community/server/accept-answer";
import { setHelpful } from "../../features/community/server/set-helpful";
import { setThreadFollow } from "../../features/community/server/set-thread-follow";
import { markThreadRead } from "../../features/community/server/mark-thread-read";
import { setThreadLocked } from "../../features/community/server/set-thread-locked";
import { searchCommunity } from "../../features/community/server/search-community";
import { listContentDiscussions } from "../../features/community/server/list-content-discussions";
import { listNotifications } from "../../features/notifications/server/centre";
import * as searchRoute from "../../app/api/v1/community/search/route";
import * as threadsRoute from "../../app/api/v1/community/spaces/[slug]/threads/route";
import * as postsRoute from "../../app/api/v1/community/threads/[id]/posts/route";

const LESSON = "client-data-confidentiality";
let n = 0;
const slug = (word: string) => `t-${word}-${Date.now().toString(36)}-${n++}`;

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "community-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

/**
 * Two regions of this test's own, each with its space, a national space, and a private group owned by
 * a curator of the first region with one mentee. Every test makes threads of its own in them.
 */
let world: {
  here: TestPlace;
  there: TestPlace;
  learner: Person;
  colleague: Person;
  curator: Person;
  mentee: Person;
  methodologist: Person;
  stranger: Person;
  admin: Person;
  national: string;
  region: string;
  otherRegion: string;
  group: string;
};

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const [learner, colleague, curator, mentee, methodologist, stranger, admin] = [
    await person(here, ["LEARNER"]),
    await person(here, ["LEARNER"]),
    await person(here, ["CURATOR", "LEARNER"]),
    await person(here, ["LEARNER"]),
    await person(here, ["METHODOLOGIST"]),
    await person(there, ["LEARNER"]),
    await person(there, ["ADMIN"]),
  ];
  const national = slug("national");
  const region = slug("region");
  const otherRegion = slug("other");
  const group = slug("group");
  await db.communitySpace.create({ data: { kind: "NATIONAL", slug: national, name: "Держпослуги онлайн (тест)" } });
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Тестова область", regionId: here.regionId } });
  await db.communitySpace.create({ data: { kind: "REGION", slug: otherRegion, name: "Інша область", regionId: there.regionId } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: group,
      name: "Група куратора",
      regionId: here.regionId,
      ownerId: curator.id,
      members: {
        create: [
          { userId: curator.id!, role: "OWNER" },
          { userId: mentee.id, role: "MEMBER" },
        ],
      },
    },
  });
  world = { here, there, learner, colleague, curator, mentee, methodologist, stranger, admin, national, region, otherRegion, group };
});

const question = (spaceSlug: string, title = "Як допомогти клієнтці увійти в Дію?") => ({
  spaceSlug,
  kind: "QUESTION" as const,
  title,
  body: "Клієнтка, 78 років, не може отримати код. Що порадите?",
});

describe("who sees what", () => {
  it("opens national, own-region and own-group spaces; 403 for another region; 404 for a group one is not in", async () => {
    const { learner, mentee, stranger, admin, curator } = world;
    const inGroup = await createThread(curator.actor, { ...question(world.group), title: "Тема групи" });
    await expect(listThreads(learner.actor, world.national)).resolves.toBeTruthy();
    await expect(listThreads(learner.actor, world.region)).resolves.toBeTruthy();
    await expect(listThreads(learner.actor, world.otherRegion)).rejects.toMatchObject({ status: 403 });
    await expect(listThreads(learner.actor, world.group)).rejects.toMatchObject({ status: 404 });
    await expect(getThread(learner.actor, inGroup.id)).rejects.toMatchObject({ status: 404 });
    await expect(getThread(admin.actor, inGroup.id)).rejects.toMatchObject({ status: 404 });
    await expect(getThread(stranger.actor, inGroup.id)).rejects.toMatchObject({ status: 404 });
    await expect(getThread(mentee.actor, inGroup.id)).resolves.toMatchObject({ title: "Тема групи" });
    // Admins read every region's space.
    await expect(listThreads(admin.actor, world.region)).resolves.toBeTruthy();
  });

  it("lists and counts only what the reader may read; other groups show by name and owner only", async () => {
    const { learner, curator } = world;
    await createThread(curator.actor, { ...question(world.group), title: "Ще одна тема групи" });
    const forLearner = await listSpaces(learner.actor);
    const group = forLearner.find((s) => s.slug === world.group)!;
    expect(group).toMatchObject({ readable: false, threadCount: null, ownerName: curator.name });
    expect(forLearner.find((s) => s.slug === world.otherRegion)).toBeUndefined();
    expect(forLearner.find((s) => s.slug === world.region)).toMatchObject({ readable: true, isOwnRegion: true });
    const forCurator = await listSpaces(curator.actor);
    expect(forCurator.find((s) => s.slug === world.group)!.threadCount).toBeGreaterThanOrEqual(1);
  });

  it("through the API: 404 for a non-member's group, 403 for another region", async () => {
    await signInAs(world.learner.email);
    const group = await callRoute(threadsRoute.GET, `/api/v1/community/spaces/${world.group}/threads`, { method: "GET", params: { slug: world.group } });
    expect(group.status).toBe(404);
    const other = await callRoute(threadsRoute.GET, `/api/v1/community/spaces/${world.otherRegion}/threads`, {
      method: "GET",
      params: { slug: world.otherRegion },
    });
    expect(other.status).toBe(403);
  });
});

describe("posting and the client-data guard", () => {
  it("answers 422 client_data_suspected with the spans, then saves once confirmed", async () => {
    const { learner } = world;
    const thread = await createThread(learner.actor, question(world.region));
    await signInAs(learner.email);
    const body = "Зателефонуйте їй: +380 67 123 45 67";
    const stopped = await callRoute(postsRoute.POST, `/api/v1/community/threads/${thread.id}/posts`, { params: { id: thread.id }, body: { body } });
    expect(stopped.status).toBe(422);
    const error = stopped.json.error as unknown as { code: string; spans: { field: string; start: number; end: number; kind: string }[] };
    expect(error.code).toBe("client_data_suspected");
    expect(error.spans[0]).toMatchObject({ field: "body", kind: "phone" });
    expect(body.slice(error.spans[0]!.start, error.spans[0]!.end)).toContain("67 123");
    const saved = await callRoute(postsRoute.POST, `/api/v1/community/threads/${thread.id}/posts`, {
      params: { id: thread.id },
      body: { body, confirmNoClientData: true },
    });
    expect(saved.status).toBe(201);
    const row = await getDb().post.findUniqueOrThrow({ where: { id: saved.json.id as string } });
    expect(row.confirmedNoClientData).toBe(true);
  });

  it("assembles a hard case from its template, and the guard reads the title too", async () => {
    const { curator } = world;
    const hardCase = { situation: "Клієнтка, 80 років, живе сама.", tried: "Пояснили, як записатися до лікаря.", question: "Як допомогти без телефона?" };
    const created = await createThread(curator.actor, { spaceSlug: world.national, kind: "HARD_CASE", title: "Складний випадок без телефона", hardCase });
    const view = await getThread(curator.actor, created.id);
    expect(view.question!.html).toContain("<strong>Ситуація</strong>");
    expect(view.question!.html).toContain("Як допомогти без телефона?");
    await expect(createThread(curator.actor, { ...question(world.national), title: "Дзвоніть на +380 67 123 45 67" })).rejects.toMatchObject({
      code: "client_data_suspected",
      details: { spans: [expect.objectContaining({ field: "title", kind: "phone" })] },
    });
  });

  it("refuses empty, oversize and locked-thread posts with clear 4xx", async () => {
    const { learner } = world;
    const thread = await createThread(learner.actor, question(world.region));
    await expect(replyToThread(learner.actor, thread.id, { body: "   " })).rejects.toMatchObject({ status: 400 });
    await expect(replyToThread(learner.actor, thread.id, { body: "а".repeat(20_001) })).rejects.toMatchObject({ status: 400 });
    await signInAs(learner.email);
    const oversize = await callRoute(postsRoute.POST, `/api/v1/community/threads/${thread.id}/posts`, {
      params: { id: thread.id },
      body: { body: "а".repeat(20_001) },
    });
    expect(oversize.status).toBe(400);
    await expect(setThreadLocked(learner.actor, thread.id, true, "Тема вичерпана")).rejects.toMatchObject({ status: 403 });
    await setThreadLocked(world.methodologist.actor, thread.id, true, "Тема вичерпана");
    const audit = await getDb().auditEntry.findFirstOrThrow({ where: { targetType: "Thread", targetId: thread.id } });
    expect(audit).toMatchObject({ actorId: world.methodologist.id, action: "moderation.lock" });
    // The moderator's words stay in the moderation log; the audit trail points at its row.
    const logged = await getDb().moderationAction.findFirstOrThrow({ where: { threadId: thread.id, action: "LOCK" } });
    expect(logged.reason).toBe("Тема вичерпана");
    expect(audit.detail).toMatchObject({ moderationId: logged.id });
    expect(JSON.stringify(audit.detail)).not.toContain("Тема вичерпана");
    await expect(replyToThread(learner.actor, thread.id, { body: "Дякую!" })).rejects.toMatchObject({ status: 409 });
    await expect(replyToThread(world.stranger.actor, thread.id, { body: "Дякую!" })).rejects.toMatchObject({ status: 403 });
  });

  it("lets the author edit within 30 minutes (keeping a revision), a moderator later; deleting leaves 'removed'", async () => {
    const { learner, colleague, methodologist } = world;
    const t0 = new Date();
    const thread = await createThread(learner.actor, question(world.region), t0);
    const reply = await replyToThread(colleague.actor, thread.id, { body: "Спробуйте вхід через BankID." }, t0);
    await editPost(colleague.actor, reply.id, { body: "Спробуйте вхід через BankID свого банку." }, new Date(t0.getTime() + 10 * 60_000));
    const revisions = await getDb().postRevision.findMany({ where: { postId: reply.id } });
    expect(revisions.map((r) => r.body)).toEqual(["Спробуйте вхід через BankID."]);
    const late = new Date(t0.getTime() + 31 * 60_000);
    await expect(editPost(colleague.actor, reply.id, { body: "Запізно" }, late)).rejects.toMatchObject({ status: 403 });
    await expect(editPost(learner.actor, reply.id, { body: "Чуже" }, t0)).rejects.toMatchObject({ status: 403 });
    await editPost(methodologist.actor, reply.id, { body: "Уточнено методистом." }, late);
    await expect(deletePost(learner.actor, reply.id)).rejects.toMatchObject({ status: 403 });
    await deletePost(colleague.actor, reply.id);
    const view = await getThread(learner.actor, thread.id);
    expect(view.replies[0]).toMatchObject({ id: reply.id, isRemoved: true, html: "" });
  });
});

describe("answers, reactions and races", () => {
  it("accepts one answer even when two are accepted at once", async () => {
    const { learner, colleague, curator } = world;
    const thread = await createThread(learner.actor, question(world.region));
    const a = await replyToThread(colleague.actor, thread.id, { body: "Перша порада." });
    const b = await replyToThread(curator.actor, thread.id, { body: "Друга порада." });
    await expect(acceptAnswer(colleague.actor, a.id)).rejects.toMatchObject({ status: 403 });
    const results = await Promise.allSettled([acceptAnswer(learner.actor, a.id), acceptAnswer(learner.actor, b.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    const view = await getThread(learner.actor, thread.id);
    expect(view.accepted).not.toBeNull();
    expect(view.replies).toHaveLength(1);
  });

  it("keeps one helpful mark per person per post under a race", async () => {
    const { learner, colleague } = world;
    const thread = await createThread(learner.actor, question(world.national));
    const reply = await replyToThread(colleague.actor, thread.id, { body: "Порада." });
    await Promise.all([setHelpful(learner.actor, reply.id, true), setHelpful(learner.actor, reply.id, true), setHelpful(learner.actor, reply.id, true)]);
    expect(await getDb().postReaction.count({ where: { postId: reply.id } })).toBe(1);
    await expect(setHelpful(colleague.actor, reply.id, true)).rejects.toMatchObject({ status: 409 });
    await expect(setHelpful(learner.actor, reply.id, false)).resolves.toMatchObject({ count: 0 });
  });

  it("keeps one space per region in the database", async () => {
    await expect(
      getDb().communitySpace.create({ data: { kind: "REGION", slug: slug("dup"), name: "Дубль", regionId: world.here.regionId } }),
    ).rejects.toThrow();
  });
});

describe("links to lessons and notifications", () => {
  it("lists a thread on the lesson's 'discussed' list only for those who may read it", async () => {
    const { learner, colleague, curator, mentee, stranger } = world;
    const regionThread = await createThread(learner.actor, question(world.region, "Як пояснити конфіденційність?"));
    await replyToThread(colleague.actor, regionThread.id, { body: `Гляньте урок [[lesson:${LESSON}]] — там усе є.` });
    const groupThread = await createThread(curator.actor, { ...question(world.group, "Групова тема про дані"), body: `Прочитайте [[lesson:${LESSON}]].` });
    const ids = async (a: Actor) => (await listContentDiscussions(a, "lesson", LESSON, 100)).map((d) => d.id);
    expect(await ids(learner.actor)).toContain(regionThread.id);
    expect(await ids(learner.actor)).not.toContain(groupThread.id);
    expect(await ids(mentee.actor)).toEqual(expect.arrayContaining([regionThread.id, groupThread.id]));
    expect(await ids(stranger.actor)).not.toContain(regionThread.id);
    const html = (await getThread(learner.actor, regionThread.id)).replies[0]!.html;
    expect(html).toContain(`/lessons/${LESSON}`);
  });

  it("notifies followers of a reply, the mentioned reader, and the answer's author when accepted", async () => {
    const { learner, colleague, curator, methodologist } = world;
    const db = getDb();
    const thread = await createThread(learner.actor, question(world.region, "Питання для сповіщень"));
    const reply = await replyToThread(colleague.actor, thread.id, { body: `Згоден, а що скаже @${methodologist.id}?` });
    const notes = (userId: string) => db.notification.findMany({ where: { userId, href: { contains: thread.id } }, select: { kind: true } });
    expect((await notes(learner.id)).map((x) => x.kind)).toEqual(["community.reply"]);
    expect((await notes(methodologist.id)).map((x) => x.kind)).toEqual(["community.mention"]);
    // Muting stops reply notifications.
    await setThreadFollow(colleague.actor, thread.id, "muted");
    await replyToThread(curator.actor, thread.id, { body: "Ще порада." });
    expect((await notes(colleague.id)).map((x) => x.kind)).toEqual([]);
    await acceptAnswer(learner.actor, reply.id);
    expect((await notes(colleague.id)).map((x) => x.kind)).toEqual(["community.accepted"]);
    // The centre and the e-mail digests word it with the thread's title and the actor's name.
    const [accepted] = await listNotifications(colleague.actor, "uk", 1);
    expect(accepted!.text).toBe(`${learner.name} приймає вашу відповідь у темі «Питання для сповіщень»`);
    // A mention of someone who cannot read the thread stays text and notifies nobody.
    await replyToThread(learner.actor, thread.id, { body: `Привіт @${world.stranger.id}` });
    expect(await notes(world.stranger.id)).toEqual([]);
  });

  it("marks read through its own call, and the list shows unread", async () => {
    const { learner, colleague } = world;
    const thread = await createThread(learner.actor, question(world.region, "Тема з непрочитаним"));
    await replyToThread(colleague.actor, thread.id, { body: "Нова відповідь." }, new Date(Date.now() + 1000));
    const unread = (await listThreads(learner.actor, world.region)).threads.find((t) => t.id === thread.id)!;
    expect(unread.hasUnread).toBe(true);
    expect((await getThread(learner.actor, thread.id)).firstUnreadId).not.toBeNull();
    await markThreadRead(learner.actor, thread.id, undefined, new Date(Date.now() + 2000));
    const read = (await listThreads(learner.actor, world.region)).threads.find((t) => t.id === thread.id)!;
    expect(read.hasUnread).toBe(false);
  });
});

describe("search", () => {
  it("finds other word forms, puts accepted answers first, and never shows a group's posts to outsiders", async () => {
    const { learner, colleague, curator, mentee } = world;
    const word = `синхронізац${Date.now().toString(36).replace(/\d/g, "")}`;
    const thread = await createThread(learner.actor, question(world.region, "Питання про пошук"));
    const answer = await replyToThread(colleague.actor, thread.id, { body: `Потрібна ${word}ія календаря з телефоном.` });
    await replyToThread(curator.actor, thread.id, { body: `А ще ${word}ію контактів.` });
    await acceptAnswer(learner.actor, answer.id);
    const hidden = await createThread(curator.actor, { ...question(world.group, "Групове питання"), body: `Закрита ${word}ія.` });

    const { results: found } = await searchCommunity(learner.actor, `${word}ії`);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found[0]).toMatchObject({ postId: answer.id, isAcceptedAnswer: true });
    expect(found.some((r) => r.fragment.some((f) => f.hit))).toBe(true);
    expect(found.map((r) => r.threadId)).not.toContain(hidden.id);
    expect((await searchCommunity(mentee.actor, `${word}ія`)).results.map((r) => r.threadId)).toContain(hidden.id);
    expect((await searchCommunity(world.stranger.actor, `${word}ія`)).results).toEqual([]);
    await signInAs(learner.email);
    const api = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(`${word}ії`)}`, { method: "GET" });
    expect(api.status).toBe(200);
    expect((api.json.results as { postId: string }[])[0]!.postId).toBe(answer.id);
    const short = await callRoute(searchRoute.GET, "/api/v1/community/search?q=a", { method: "GET" });
    expect(short.status).toBe(400);
  });
});
