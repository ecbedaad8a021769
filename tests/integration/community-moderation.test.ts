import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { editPost } from "../../features/community/server/edit-post";
import { getThread } from "../../features/community/server/get-thread";
import { listThreads } from "../../features/community/server/list-threads";
import { searchCommunity } from "../../features/community/server/search-community";
import { setThreadLocked } from "../../features/community/server/set-thread-locked";
import { flagPost } from "../../features/community/server/flag-post";
import { decidePost } from "../../features/community/server/decide-post";
import { getModerationQueue } from "../../features/community/server/get-moderation-queue";
import { listModeratedSpaces } from "../../features/community/server/list-moderated-spaces";
import { listModerationLog } from "../../features/community/server/list-moderation-log";
import { moveThread } from "../../features/community/server/move-thread";
import { setThreadPinned } from "../../features/community/server/set-thread-pinned";
import { liftSuspension, suspendMember } from "../../features/community/server/suspend-member";
import { listNotifications } from "../../features/notifications/server/centre";
import { sendDueDigests } from "../../features/notifications/server/digests";
import * as flagsRoute from "../../app/api/v1/community/posts/[id]/flags/route";
import * as postsRoute from "../../app/api/v1/community/threads/[id]/posts/route";

let n = 0;
const slug = (word: string) => `m-${word}-${Date.now().toString(36)}-${n++}`;

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[], newAccount = false): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "moderation-test-2026", newAccount });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

/** A region of this file's own with its space, a national space and a group of the region; each test makes its own threads. */
let w: {
  here: TestPlace;
  author: Person;
  readers: Person[];
  methodologist: Person;
  otherMethodologist: Person;
  admin: Person;
  region: string;
  national: string;
  group: string;
};

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const author = await person(here, ["LEARNER"]);
  const readers = [
    await person(here, ["LEARNER"]),
    await person(here, ["LEARNER"]),
    await person(here, ["CURATOR", "LEARNER"]),
    await person(here, ["LEARNER"]),
  ];
  const methodologist = await person(here, ["METHODOLOGIST"]);
  const otherMethodologist = await person(there, ["METHODOLOGIST"]);
  const admin = await person(there, ["ADMIN"]);
  const region = slug("region");
  const national = slug("national");
  const group = slug("group");
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Простір області (модерація)", regionId: here.regionId } });
  await db.communitySpace.create({ data: { kind: "NATIONAL", slug: national, name: "Національний простір (модерація)" } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: group,
      name: "Група області (модерація)",
      regionId: here.regionId,
      ownerId: readers[2]!.id,
      members: { create: [{ userId: readers[2]!.id, role: "OWNER" }, { userId: methodologist.id }, { userId: author.id }] },
    },
  });
  w = { here, author, readers, methodologist, otherMethodologist, admin, region, national, group };
});

async function threadWithReply(space = w.region) {
  const thread = await createThread(w.readers[0]!.actor, {
    spaceSlug: space,
    kind: "DISCUSSION",
    title: "Як пояснити клієнтам електронну чергу?",
    body: "Поділіться досвідом.",
  });
  const reply = await replyToThread(w.author.actor, thread.id, { body: "Пишу клієнтам покрокову пам'ятку про електронну чергу ЦНАП." });
  return { threadId: thread.id, firstPostId: thread.postId, postId: reply.id };
}

const replyCount = async (threadId: string) => (await getDb().thread.findUniqueOrThrow({ where: { id: threadId }, select: { replyCount: true } })).replyCount;

describe("flags", () => {
  it("takes one flag per person per post with a reason, never on one's own post", async () => {
    const { postId } = await threadWithReply();
    await expect(flagPost(w.readers[0]!.actor, postId, { reason: "OFF_TOPIC", note: "Не про чергу" })).resolves.toEqual({ flagged: true, hidden: false });
    await expect(flagPost(w.readers[0]!.actor, postId, { reason: "SPAM" })).rejects.toMatchObject({ status: 409, message: "errors.alreadyFlagged" });
    await expect(flagPost(w.author.actor, postId, { reason: "SPAM" })).rejects.toMatchObject({ status: 403 });
    await expect(flagPost(w.otherMethodologist.actor, postId, { reason: "SPAM" })).rejects.toMatchObject({ status: 403 });
    const flags = await getDb().postFlag.findMany({ where: { postId } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ reason: "OFF_TOPIC", note: "Не про чергу", resolvedAt: null });
  });

  it("answers through the API: 201, then 409 with a clear message; a bad reason is 400", async () => {
    const { postId } = await threadWithReply();
    await signInAs(w.readers[1]!.email);
    const first = await callRoute(flagsRoute.POST, `/api/v1/community/posts/${postId}/flags`, { params: { id: postId }, body: { reason: "CLIENT_DATA" } });
    expect(first.status).toBe(201);
    const again = await callRoute(flagsRoute.POST, `/api/v1/community/posts/${postId}/flags`, { params: { id: postId }, body: { reason: "CLIENT_DATA" } });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/вже поскаржилися/);
    const bad = await callRoute(flagsRoute.POST, `/api/v1/community/posts/${postId}/flags`, { params: { id: postId }, body: { reason: "BORING" } });
    expect(bad.status).toBe(400);
  });

  it("hides a post flagged by three different people at once exactly once, and tells the author", async () => {
    const { threadId, postId } = await threadWithReply();
    expect(await replyCount(threadId)).toBe(1);
    const results = await Promise.all(w.readers.slice(0, 3).map((r) => flagPost(r.actor, postId, { reason: "OFFENSIVE" })));
    expect(results.filter((r) => r.hidden)).toHaveLength(1);
    const post = await getDb().post.findUniqueOrThrow({ where: { id: postId } });
    expect(post.hiddenAt).not.toBeNull();
    expect(post.hiddenReason).toBeNull();
    expect(await getDb().moderationAction.count({ where: { postId, action: "AUTO_HIDE" } })).toBe(1);
    expect(await getDb().notification.count({ where: { userId: w.author.id, kind: "community.postAutoHidden", href: { contains: postId } } })).toBe(1);
    expect(await replyCount(threadId)).toBe(0);
    // A fourth flag on a hidden post is refused clearly.
    await expect(flagPost(w.readers[3]!.actor, postId, { reason: "SPAM" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("hidden posts and decisions", () => {
  it("shows readers 'hidden' in place, the author and moderators the text and reason; search skips it", async () => {
    const { threadId, postId } = await threadWithReply();
    const q = await getModerationQueue(w.methodologist.actor, w.region);
    expect(q.items.find((i) => i.postId === postId)).toBeUndefined();
    const search = async () => (await searchCommunity(w.readers[3]!.actor, "пам'ятку електронну чергу", { spaceSlug: w.region })).results.map((r) => r.postId);
    expect(await search()).toContain(postId);
    await flagPost(w.readers[1]!.actor, postId, { reason: "CLIENT_DATA" });
    const queued = (await getModerationQueue(w.methodologist.actor, w.region)).items.find((i) => i.postId === postId)!;
    expect(queued.flags).toHaveLength(1);
    await decidePost(w.methodologist.actor, postId, { decision: "hide", reason: "Містить дані клієнта", version: queued.version });

    const reader = (await getThread(w.readers[3]!.actor, threadId)).replies.find((p) => p.id === postId)!;
    expect(reader).toMatchObject({ isHidden: true, html: "", hiddenReason: null, canFlag: false });
    const own = (await getThread(w.author.actor, threadId)).replies.find((p) => p.id === postId)!;
    expect(own.isHidden).toBe(true);
    expect(own.html).toContain("пам'ятку");
    expect(own.hiddenReason).toBe("Містить дані клієнта");
    const mod = (await getThread(w.methodologist.actor, threadId)).replies.find((p) => p.id === postId)!;
    expect(mod.hiddenReason).toBe("Містить дані клієнта");
    expect(await replyCount(threadId)).toBe(0);
    expect(await search()).not.toContain(postId);
    const notes = await listNotifications(w.author.actor, "uk");
    expect(notes.find((x) => x.kind === "community.postHidden" && x.href.includes(postId))?.text).toMatch(/Модератор приховав ваш допис/);
    // …and the e-mail digest says the same, for an author who asked for a daily one.
    await getDb().user.update({ where: { id: w.author.id }, data: { digest: "daily", digestSentAt: null } });
    await sendDueDigests(new Date());
    const digest = await getDb().outboxMail.findFirst({ where: { to: w.author.email }, orderBy: { createdAt: "desc" } });
    expect(digest?.text).toMatch(/Модератор приховав ваш допис у темі/);
    // The flags were resolved: the queue is clear of the post.
    expect((await getModerationQueue(w.methodologist.actor, w.region)).items.find((i) => i.postId === postId)).toBeUndefined();

    const version = (await getDb().post.findUniqueOrThrow({ where: { id: postId } })).moderationVersion;
    await decidePost(w.methodologist.actor, postId, { decision: "restore", reason: "Дані прибрано", version });
    expect((await getThread(w.readers[3]!.actor, threadId)).replies.find((p) => p.id === postId)!.isHidden).toBe(false);
    expect(await replyCount(threadId)).toBe(1);
    expect((await listNotifications(w.author.actor, "en")).find((x) => x.kind === "community.postRestored")?.text).toMatch(/restored your post/);
  });

  it("decides once: of two concurrent decisions one wins and the other gets 409", async () => {
    const { postId } = await threadWithReply();
    await flagPost(w.readers[0]!.actor, postId, { reason: "SPAM" });
    const { version } = (await getModerationQueue(w.methodologist.actor, w.region)).items.find((i) => i.postId === postId)!;
    const results = await Promise.allSettled([
      decidePost(w.methodologist.actor, postId, { decision: "hide", reason: "Реклама", version }),
      decidePost(w.admin.actor, postId, { decision: "dismiss", reason: "Не реклама", version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ status: 409, message: "errors.moderationDecided" });
    expect(await getDb().moderationAction.count({ where: { postId, action: { in: ["HIDE", "DISMISS"] } } })).toBe(1);
  });

  it("queues confirmed 'no client data' posts until reviewed; only the space's moderators see the queue", async () => {
    const thread = await createThread(w.author.actor, {
      spaceSlug: w.region,
      kind: "QUESTION",
      title: "Як записати на прийом?",
      body: "Тетяна Коваленко отримує субсидію, як їй допомогти?",
      confirmNoClientData: true,
    });
    const item = (await getModerationQueue(w.methodologist.actor, w.region)).items.find((i) => i.postId === thread.postId)!;
    expect(item.isConfirmedNoClientData).toBe(true);
    await decidePost(w.methodologist.actor, thread.postId, { decision: "dismiss", reason: "Вигадане ім'я", version: item.version });
    expect((await getModerationQueue(w.methodologist.actor, w.region)).items.find((i) => i.postId === thread.postId)).toBeUndefined();
    await expect(getModerationQueue(w.readers[0]!.actor, w.region)).rejects.toMatchObject({ status: 403 });
    await expect(getModerationQueue(w.otherMethodologist.actor, w.region)).rejects.toMatchObject({ status: 403 });
    await expect(listModerationLog(w.readers[0]!.actor, w.region)).rejects.toMatchObject({ status: 403 });
    const mine = await listModeratedSpaces(w.methodologist.actor);
    expect(mine.spaces.map((s) => s.slug)).toEqual(expect.arrayContaining([w.region, w.group]));
    expect(mine.spaces.map((s) => s.slug)).not.toContain(w.national);
    expect(mine.everywhere).toBeNull();
    expect((await listModeratedSpaces(w.readers[0]!.actor)).spaces).toEqual([]);
  });
});

describe("threads: pin, move, lock — all in the log", () => {
  it("pins at most three threads per space, even when four pins race; pinned come first", async () => {
    const space = slug("pins");
    await getDb().communitySpace.create({ data: { kind: "REGION", slug: space, name: "Закріплення", regionId: (await createPlace(getDb())).regionId } });
    const spaceRow = await getDb().communitySpace.findUniqueOrThrow({ where: { slug: space } });
    const threads = await Promise.all(
      [1, 2, 3, 4].map((i) => getDb().thread.create({ data: { spaceId: spaceRow.id, authorId: w.author.id, kind: "DISCUSSION", title: `Тема ${i}` } })),
    );
    const results = await Promise.allSettled(threads.map((t) => setThreadPinned(w.admin.actor, t.id, { pinned: true, reason: "Важливо" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 409, message: "errors.pinLimit" });
    const listing = await listThreads(w.admin.actor, space);
    expect(listing.threads.slice(0, 3).every((t) => t.isPinned)).toBe(true);
    expect(listing.threads[3]!.isPinned).toBe(false);
    const pinned = listing.threads[0]!.id;
    await setThreadPinned(w.admin.actor, pinned, { pinned: false, reason: "Вже неактуально" });
    expect(await getDb().moderationAction.count({ where: { spaceId: spaceRow.id, action: "PIN" } })).toBe(3);
    expect(await getDb().moderationAction.count({ where: { spaceId: spaceRow.id, action: "UNPIN" } })).toBe(1);
    await expect(setThreadPinned(w.readers[0]!.actor, threads[3]!.id, { pinned: true, reason: "Хочу" })).rejects.toMatchObject({ status: 403 });
  });

  it("moves a thread only between spaces the moderator moderates, and logs lock and move", async () => {
    const { threadId } = await threadWithReply();
    await expect(moveThread(w.methodologist.actor, threadId, { toSpace: w.national, reason: "Загальна тема" })).rejects.toMatchObject({ status: 403 });
    await expect(moveThread(w.readers[0]!.actor, threadId, { toSpace: w.group, reason: "Хочу" })).rejects.toMatchObject({ status: 403 });
    await setThreadLocked(w.methodologist.actor, threadId, true, "Тема вичерпана");
    await expect(moveThread(w.methodologist.actor, threadId, { toSpace: w.group, reason: "Для групи" })).resolves.toEqual({ spaceSlug: w.group });
    const log = await listModerationLog(w.methodologist.actor, w.region);
    const mine = log.entries.filter((e) => e.thread?.id === threadId).map((e) => e.action);
    expect(mine).toEqual(["MOVE", "LOCK"]);
    const intoGroup = await listModerationLog(w.methodologist.actor, w.group);
    expect(intoGroup.entries.find((e) => e.thread?.id === threadId)).toMatchObject({ action: "MOVE", toSpaceName: "Група області (модерація)" });
    expect(log.entries.find((e) => e.action === "LOCK" && e.thread?.id === threadId)).toMatchObject({
      reason: "Тема вичерпана",
      actorName: w.methodologist.name,
    });
  });
});

describe("suspensions", () => {
  it("stops a suspended person creating, replying and editing in the space until lifted; shows the end and reason", async () => {
    const suspended = await person(w.here, ["LEARNER"]);
    const thread = await createThread(suspended.actor, { spaceSlug: w.region, kind: "DISCUSSION", title: "Моя тема до заборони", body: "Текст." });
    await expect(suspendMember(w.readers[0]!.actor, { userId: suspended.id, space: w.region, days: 3, reason: "Образи" })).rejects.toMatchObject({
      status: 403,
    });
    await expect(suspendMember(w.methodologist.actor, { userId: suspended.id, days: 3, reason: "Образи" })).rejects.toMatchObject({ status: 403 });
    await expect(suspendMember(w.admin.actor, { userId: w.methodologist.id, space: w.region, days: 3, reason: "Ні" })).rejects.toMatchObject({ status: 403 });
    const s = await suspendMember(w.methodologist.actor, { userId: suspended.id, space: w.region, days: 3, reason: "Образи колег" });
    const refused = { status: 403, message: "errors.suspendedFromPosting", details: { reason: "Образи колег", suspendedUntil: s.endsAt } };
    await expect(replyToThread(suspended.actor, thread.id, { body: "Ще одна відповідь" })).rejects.toMatchObject(refused);
    await expect(createThread(suspended.actor, { spaceSlug: w.region, kind: "DISCUSSION", title: "Нова тема", body: "Текст." })).rejects.toMatchObject(refused);
    await expect(editPost(suspended.actor, thread.postId, { body: "Змінений текст" })).rejects.toMatchObject(refused);
    // Elsewhere they still post.
    await expect(
      createThread(suspended.actor, { spaceSlug: w.national, kind: "DISCUSSION", title: "Тема в іншому просторі", body: "Текст." }),
    ).resolves.toBeTruthy();
    const view = await getThread(suspended.actor, thread.id);
    expect(view.canReply).toBe(false);
    expect(view.suspension).toMatchObject({ reason: "Образи колег", endsAt: s.endsAt, isEverywhere: false });
    await signInAs(suspended.email);
    const api = await callRoute(postsRoute.POST, `/api/v1/community/threads/${thread.id}/posts`, { params: { id: thread.id }, body: { body: "Через API" } });
    expect(api.status).toBe(403);
    expect((api.json.error as { reason?: string } | undefined)?.reason).toBe("Образи колег");

    await expect(liftSuspension(w.readers[0]!.actor, s.id, { reason: "Помилка" })).rejects.toMatchObject({ status: 403 });
    await expect(liftSuspension(w.methodologist.actor, s.id, { reason: "Вибачився" })).resolves.toEqual({ lifted: true });
    await expect(replyToThread(suspended.actor, thread.id, { body: "Дякую, більше не буду" })).resolves.toBeTruthy();
    const actions = (await listModerationLog(w.methodologist.actor, w.region)).entries.filter((e) => e.targetUserName === suspended.name).map((e) => e.action);
    expect(actions).toEqual(["LIFT", "SUSPEND"]);
  });

  it("lets an admin suspend everywhere", async () => {
    const suspended = await person(w.here, ["LEARNER"]);
    await suspendMember(w.admin.actor, { userId: suspended.id, days: 1, reason: "Спам у всіх просторах" });
    await expect(createThread(suspended.actor, { spaceSlug: w.national, kind: "DISCUSSION", title: "Спам", body: "Текст." })).rejects.toMatchObject({
      status: 403,
    });
    const everywhere = (await listModeratedSpaces(w.admin.actor)).everywhere!;
    expect(everywhere.map((e) => e.reason)).toContain("Спам у всіх просторах");
  });
});

describe("new accounts", () => {
  it("refuses links from an account younger than a week (422), but not a lesson card; moderators are exempt", async () => {
    const newcomer = await person(w.here, ["LEARNER"], true);
    const { threadId } = await threadWithReply();
    await expect(replyToThread(newcomer.actor, threadId, { body: "Дивіться https://example.org/guide" })).rejects.toMatchObject({
      status: 422,
      message: "errors.newAccountNoLinks",
    });
    await expect(replyToThread(newcomer.actor, threadId, { body: "Дивіться урок [[lesson:client-data-confidentiality]]" })).resolves.toBeTruthy();
    const newMethodologist = await person(w.here, ["METHODOLOGIST"], true);
    await expect(replyToThread(newMethodologist.actor, threadId, { body: "Офіційно: https://diia.gov.ua" })).resolves.toBeTruthy();
    await expect(replyToThread(w.readers[0]!.actor, threadId, { body: "Ось https://diia.gov.ua" })).resolves.toBeTruthy();
  });

  it("allows a new account five posts an hour, also when six are sent at once", async () => {
    const newcomer = await person(w.here, ["LEARNER"], true);
    const { threadId } = await threadWithReply();
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((i) => replyToThread(newcomer.actor, threadId, { body: `Відповідь номер ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      status: 429,
      message: "errors.newAccountPostLimit",
    });
    expect(await getDb().post.count({ where: { authorId: newcomer.id } })).toBe(5);
    // An hour later they may post again.
    await expect(replyToThread(newcomer.actor, threadId, { body: "Через годину" }, new Date(Date.now() + 3601_000))).resolves.toBeTruthy();
  });
});
