import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, uniqueSuffix, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { deletePost } from "../../features/community/server/delete-post";
import { acceptAnswer } from "../../features/community/server/accept-answer";
import { markThreadRead } from "../../features/community/server/mark-thread-read";
import { getThread } from "../../features/community/server/get-thread";
import { searchCommunity } from "../../features/community/server/search-community";
import { THREAD_POSTS_PAGE_SIZE } from "../../features/community/types";
import * as searchRoute from "../../app/api/v1/community/search/route";

/**
 * Community search (decision 026): word forms, ranking, filters by space and kind, removed posts and
 * private groups, pages of results; and the pages of a long thread. Each test makes its own spaces,
 * so its searches (filtered to them, or with words no other test writes) see only its own posts.
 */
type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "community-search-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

let here: TestPlace;
let learner: Person;
let colleague: Person;
let curator: Person;
let mentee: Person;
let admin: Person;

beforeAll(async () => {
  const db = getDb();
  here = await createPlace(db);
  const there = await createPlace(db);
  [learner, colleague, curator, mentee, admin] = [
    await person(here, ["LEARNER"]),
    await person(here, ["LEARNER"]),
    await person(here, ["CURATOR", "LEARNER"]),
    await person(here, ["LEARNER"]),
    await person(there, ["ADMIN"]),
  ];
});

/** A national space of the test's own (every signed-in person reads it). */
async function nationalSpace(name = "Простір пошуку"): Promise<string> {
  const slug = `s-${uniqueSuffix()}-${Date.now().toString(36)}`;
  await getDb().communitySpace.create({ data: { kind: "NATIONAL", slug, name } });
  return slug;
}

/** The curator's private group with the mentee in it. */
async function groupSpace(): Promise<string> {
  const slug = `g-${uniqueSuffix()}-${Date.now().toString(36)}`;
  await getDb().communitySpace.create({
    data: {
      kind: "GROUP",
      slug,
      name: "Закрита група",
      regionId: here.regionId,
      ownerId: curator.id,
      members: { create: [{ userId: curator.id, role: "OWNER" }, { userId: mentee.id }] },
    },
  });
  return slug;
}

/** A made-up Cyrillic word no other test writes (the tests add Ukrainian endings to it). */
const CYRILLIC = "абвгґдежзиіїйклмнопрстуфхцчшщюя";
const madeUpStem = () => `кв${[...`${uniqueSuffix()}${uniqueSuffix()}`].map((c) => CYRILLIC[Number.parseInt(c, 36) % CYRILLIC.length]).join("")}зонд`;

describe("matching", () => {
  it("finds other forms of a Ukrainian word: «довідку» finds «довідка», and the match is marked", async () => {
    const space = await nationalSpace();
    const thread = await createThread(learner.actor, {
      spaceSlug: space,
      kind: "QUESTION",
      title: "Де взяти папери для субсидії?",
      body: "Потрібна довідка про склад сім'ї, а в ЦНАП черга.",
    });
    const found = await searchCommunity(colleague.actor, "довідку", { spaceSlug: space });
    expect(found.results.map((r) => r.postId)).toEqual([thread.postId]);
    expect(found.results[0]!.fragment.filter((f) => f.hit).map((f) => f.text)).toEqual(["довідка"]);
    expect((await searchCommunity(colleague.actor, "довідки", { spaceSlug: space })).total).toBe(1);
    expect((await searchCommunity(colleague.actor, "ЦНАП", { spaceSlug: space })).total).toBe(1);
    expect((await searchCommunity(colleague.actor, "пенсія", { spaceSlug: space })).total).toBe(0);
  });

  it("matches a thread's title: brings its opening post and its accepted answer, each once", async () => {
    const space = await nationalSpace();
    const thread = await createThread(learner.actor, {
      spaceSlug: space,
      kind: "QUESTION",
      title: "Реєстрація на порталі Дія для переселенців",
      body: "Як допомогти клієнтові пройти перші кроки?",
    });
    const answer = await replyToThread(colleague.actor, thread.id, { body: "Спершу перевірте BankID." });
    await replyToThread(curator.actor, thread.id, { body: "Ще можна через ЦНАП." });
    await acceptAnswer(learner.actor, answer.id);
    const found = await searchCommunity(mentee.actor, "реєстрацію", { spaceSlug: space });
    expect(found.results.map((r) => r.postId)).toEqual([answer.id, thread.postId]);
    expect(found.results[0]!.isAcceptedAnswer).toBe(true);
    // A post matched by its own text and by its thread's title is one result.
    const both = await searchCommunity(mentee.actor, "переселенців", { spaceSlug: space });
    expect(both.results.map((r) => r.postId)).toEqual([answer.id, thread.postId]);
  });
});

describe("ranking", () => {
  it("puts accepted answers first, then closer matches before other word forms", async () => {
    const space = await nationalSpace();
    const word = madeUpStem();
    const thread = await createThread(learner.actor, {
      spaceSlug: space,
      kind: "QUESTION",
      title: "Питання про прилад",
      body: `Чи є у когось ${word}ами досвід?`,
    });
    const exact = await replyToThread(colleague.actor, thread.id, { body: `Мені допоміг ${word}.` });
    const accepted = await replyToThread(curator.actor, thread.id, {
      body: `Шукайте ${word}ом у налаштуваннях, а потім перезапустіть телефон і спробуйте знову.`,
    });
    await acceptAnswer(learner.actor, accepted.id);
    const other = await createThread(colleague.actor, { spaceSlug: space, kind: "DISCUSSION", title: "Інша тема", body: `Про ${word}и загалом.` });

    const found = await searchCommunity(mentee.actor, word);
    expect(found.results.map((r) => r.postId)).toEqual([accepted.id, exact.id, ...found.results.slice(2).map((r) => r.postId)]);
    expect(
      found.results
        .slice(2)
        .map((r) => r.postId)
        .sort(),
    ).toEqual([thread.postId, other.postId].sort());
    expect(found.results.map((r) => r.isAcceptedAnswer)).toEqual([true, false, false, false]);
  });
});

describe("filters", () => {
  it("narrows to one space and to one kind, together or apart", async () => {
    const first = await nationalSpace("Перший простір");
    const second = await nationalSpace("Другий простір");
    const word = madeUpStem();
    const q1 = await createThread(learner.actor, { spaceSlug: first, kind: "QUESTION", title: "Питання один", body: `${word}а питання` });
    const d1 = await createThread(learner.actor, { spaceSlug: first, kind: "DISCUSSION", title: "Обговорення один", body: `${word}а обговорення` });
    const q2 = await createThread(learner.actor, { spaceSlug: second, kind: "QUESTION", title: "Питання два", body: `${word}а питання` });
    const ids = async (options: Parameters<typeof searchCommunity>[2]) =>
      (await searchCommunity(colleague.actor, `${word}у`, options)).results.map((r) => r.threadId).sort();

    expect(await ids({})).toEqual([q1.id, d1.id, q2.id].sort());
    expect(await ids({ spaceSlug: first })).toEqual([q1.id, d1.id].sort());
    expect(await ids({ kind: "QUESTION" })).toEqual([q1.id, q2.id].sort());
    expect(await ids({ spaceSlug: first, kind: "DISCUSSION" })).toEqual([d1.id]);
    expect(await ids({ spaceSlug: second, kind: "DISCUSSION" })).toEqual([]);
    expect(await ids({ spaceSlug: "no-such-space" })).toEqual([]);

    await signInAs(colleague.email);
    const api = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(`${word}у`)}&space=${first}&kind=QUESTION`, {
      method: "GET",
    });
    expect(api.status).toBe(200);
    expect((api.json.results as { threadId: string }[]).map((r) => r.threadId)).toEqual([q1.id]);
    const badKind = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(word)}&kind=POLL`, { method: "GET" });
    expect(badKind.status).toBe(400);
  });

  it("returns results a page at a time, with the total", async () => {
    const space = await nationalSpace();
    const word = madeUpStem();
    const thread = await createThread(learner.actor, { spaceSlug: space, kind: "DISCUSSION", title: "Багато відповідей", body: `Перший ${word}` });
    const db = getDb();
    await db.post.createMany({
      data: Array.from({ length: 24 }, (_, i) => ({
        threadId: thread.id,
        authorId: colleague.id,
        body: `Відповідь ${i}: ${word}ом`,
        html: `<p>Відповідь ${i}</p>`,
        createdAt: new Date(Date.now() + (i + 1) * 1000),
      })),
    });
    const first = await searchCommunity(mentee.actor, word, { spaceSlug: space });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.results).toHaveLength(20);
    const second = await searchCommunity(mentee.actor, word, { spaceSlug: space, page: 2 });
    expect(second.results).toHaveLength(5);
    expect(new Set([...first.results, ...second.results].map((r) => r.postId)).size).toBe(25);

    await signInAs(mentee.email);
    const api = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(word)}&space=${space}&page=2`, { method: "GET" });
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ total: 25, page: 2, pageCount: 2 });
    for (const page of ["0", "-1", "x", "1.5", "100000"]) {
      const bad = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(word)}&page=${page}`, { method: "GET" });
      expect(bad.status, page).toBe(400);
    }
  });
});

describe("what never appears", () => {
  it("leaves out removed posts, by their text and by their thread's title", async () => {
    const space = await nationalSpace();
    const word = madeUpStem();
    const thread = await createThread(learner.actor, { spaceSlug: space, kind: "QUESTION", title: `Тема про ${word}`, body: `Відкритий ${word}` });
    const reply = await replyToThread(colleague.actor, thread.id, { body: `Видалений ${word}` });
    expect((await searchCommunity(mentee.actor, word, { spaceSlug: space })).total).toBe(2);
    await deletePost(colleague.actor, reply.id);
    await deletePost(learner.actor, thread.postId);
    expect(await searchCommunity(mentee.actor, word, { spaceSlug: space })).toMatchObject({ results: [], total: 0 });
    expect((await searchCommunity(mentee.actor, "Видалений", { spaceSlug: space })).total).toBe(0);
  });

  it("never shows a private group's posts to a non-member, admins included, even filtered to the group", async () => {
    const group = await groupSpace();
    const open = await nationalSpace();
    const word = madeUpStem();
    const secret = await createThread(curator.actor, {
      spaceSlug: group,
      kind: "HARD_CASE",
      title: `Випадок ${word}`,
      hardCase: { situation: `Ситуація ${word}а`, tried: "Пробували дзвонити.", question: "Що далі?" },
    });
    const visible = await createThread(learner.actor, { spaceSlug: open, kind: "DISCUSSION", title: "Відкрита тема", body: `Відкритий ${word}` });

    for (const outsider of [learner, colleague, admin]) {
      const all = await searchCommunity(outsider.actor, word);
      expect(all.results.map((r) => r.threadId)).toEqual([visible.id]);
      expect(all.total).toBe(1);
      expect((await searchCommunity(outsider.actor, word, { spaceSlug: group })).results).toEqual([]);
      expect((await searchCommunity(outsider.actor, word, { kind: "HARD_CASE" })).results).toEqual([]);
    }
    expect((await searchCommunity(mentee.actor, word, { spaceSlug: group })).results.map((r) => r.threadId)).toEqual([secret.id]);
    expect((await searchCommunity(curator.actor, word)).results.map((r) => r.threadId).sort()).toEqual([secret.id, visible.id].sort());

    await signInAs(admin.email);
    const api = await callRoute(searchRoute.GET, `/api/v1/community/search?q=${encodeURIComponent(word)}&space=${group}`, { method: "GET" });
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ results: [], total: 0 });
  });
});

describe("the pages of a long thread", () => {
  it("shows THREAD_POSTS_PAGE_SIZE posts a page, finds a post's page and the first unread one, keeps the accepted answer on page 1", async () => {
    const space = await nationalSpace();
    const thread = await createThread(learner.actor, { spaceSlug: space, kind: "QUESTION", title: "Довга тема", body: "Питання на багато відповідей" });
    const db = getDb();
    // An hour ago, so that reading marks (never later than now) can reach every post.
    const opened = Date.now() - 3_600_000;
    await db.post.update({ where: { id: thread.postId }, data: { createdAt: new Date(opened) } });
    const count = THREAD_POSTS_PAGE_SIZE * 2 + 5; // replies: three pages with the opening post
    await db.post.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        id: `lt-${thread.id}-${String(i).padStart(3, "0")}`,
        threadId: thread.id,
        authorId: i % 2 ? colleague.id : curator.id,
        body: `Відповідь ${i}`,
        html: `<p>Відповідь ${i}</p>`,
        createdAt: new Date(opened + (i + 1) * 1000),
      })),
    });
    const replyId = (i: number) => `lt-${thread.id}-${String(i).padStart(3, "0")}`;
    await acceptAnswer(learner.actor, replyId(count - 1));
    // The author has read their own question, and nothing since.
    await db.threadRead.updateMany({ where: { userId: learner.id, threadId: thread.id }, data: { lastReadAt: new Date(opened) } });

    const first = await getThread(learner.actor, thread.id);
    expect(first).toMatchObject({ page: 1, pageCount: 3, firstUnreadId: replyId(0), firstUnreadPage: 1 });
    expect(first.question!.id).toBe(thread.postId);
    expect(first.accepted!.id).toBe(replyId(count - 1));
    expect(first.replies).toHaveLength(THREAD_POSTS_PAGE_SIZE - 1);
    expect(first.newestAt).toBe(new Date(opened + (THREAD_POSTS_PAGE_SIZE - 1) * 1000).toISOString());

    const last = await getThread(learner.actor, thread.id, { page: "last" });
    expect(last).toMatchObject({ page: 3, question: null, accepted: null });
    // The accepted answer (the last post) stands under the question on page 1, not again here.
    expect(last.replies.map((p) => p.id)).toEqual([count - 6, count - 5, count - 4, count - 3, count - 2].map(replyId));
    expect((await getThread(learner.actor, thread.id, { page: 99 })).page).toBe(3);
    expect((await getThread(learner.actor, thread.id, { page: 2 })).replies[0]!.id).toBe(replyId(THREAD_POSTS_PAGE_SIZE - 1));

    // ?post= opens the page that holds the post; the accepted answer's is the first.
    expect((await getThread(learner.actor, thread.id, { postId: replyId(THREAD_POSTS_PAGE_SIZE) })).page).toBe(2);
    expect((await getThread(learner.actor, thread.id, { postId: replyId(count - 1) })).page).toBe(1);
    expect((await getThread(learner.actor, thread.id, { postId: "not-in-this-thread" })).page).toBe(1);

    // Read up to the end of page 2: the first unread post is the first of page 3.
    const page2 = await getThread(learner.actor, thread.id, { page: 2 });
    await markThreadRead(learner.actor, thread.id, new Date(page2.newestAt!));
    const after = await getThread(learner.actor, thread.id);
    expect(after).toMatchObject({ firstUnreadId: replyId(THREAD_POSTS_PAGE_SIZE * 2 - 1), firstUnreadPage: 3 });
    expect(after.replies.every((p) => !p.isUnread)).toBe(true);
  });
});

describe("search indexes", () => {
  it("exist on the expressions the search query uses", async () => {
    const rows = await getDb().$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Post', 'Thread') AND indexdef ILIKE '%gin%' ORDER BY indexname`;
    const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.Post_body_tsv_idx).toContain("to_tsvector('simple'::regconfig, body)");
    expect(defs.Thread_title_tsv_idx).toContain("to_tsvector('simple'::regconfig, title)");
    expect(defs.Post_body_trgm_idx).toContain("gin_trgm_ops");
    expect(defs.Thread_title_trgm_idx).toContain("gin_trgm_ops");
  });
});
