import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { applyMigrations } from "../../scripts/db/engine";
import { pgliteMigratedBefore, type Row } from "../helpers/migrations";
import { createPerson, createPlace, uniqueSuffix, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { handleBase } from "../../features/community/handles";
import { createThread } from "../../features/community/server/create-thread";
import { replyToThread } from "../../features/community/server/reply-to-thread";
import { getThread } from "../../features/community/server/get-thread";
import { getQuote } from "../../features/community/server/get-quote";
import { quoteForReply } from "../../features/community/server/quote-for-reply";
import { updateHandle } from "../../features/community/server/update-handle";
import * as handleRoute from "../../app/api/v1/community/handle/route";
import * as quoteRoute from "../../app/api/v1/community/posts/[id]/quote/route";

/** @handles, mentions of readers only, and quotations (decision 025). Every test makes its own threads. */

type Person = TestPerson & { actor: Actor; handle: string };
async function person(place: TestPlace, roles: Role[], name?: string): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, name, password: "mentions-test-2026" });
  const { handle } = await getDb().user.findUniqueOrThrow({ where: { id: p.id }, select: { handle: true } });
  return { ...p, handle, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

let n = 0;
const slug = (word: string) => `m-${word}-${Date.now().toString(36)}-${n++}`;

let world: { here: TestPlace; author: Person; reader: Person; stranger: Person; member: Person; owner: Person; region: string; group: string };

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const author = await person(here, ["LEARNER"]);
  const reader = await person(here, ["LEARNER"]);
  const owner = await person(here, ["CURATOR", "LEARNER"]);
  const member = await person(here, ["LEARNER"]);
  const stranger = await person(there, ["LEARNER"]);
  const region = slug("region");
  const group = slug("group");
  await db.communitySpace.create({ data: { kind: "REGION", slug: region, name: "Область для згадок", regionId: here.regionId } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: group,
      name: "Група для згадок",
      regionId: here.regionId,
      ownerId: owner.id,
      members: { create: [{ userId: owner.id, role: "OWNER" }, { userId: member.id }] },
    },
  });
  world = { here, author, reader, stranger, member, owner, region, group };
});

const question = (spaceSlug: string, body = "Як допомогти з кодом у Дії?") => ({ spaceSlug, kind: "QUESTION" as const, title: "Тема для згадок", body });
const mentionsOf = (userId: string, threadId: string) =>
  getDb().notification.findMany({ where: { userId, kind: "community.mention", href: { contains: threadId } }, select: { kind: true } });

describe("handles", () => {
  it("are given from the name when an account is made, transliterated, with a number when taken", async () => {
    const word =
      uniqueSuffix()
        .replace(/[^a-z]/g, "")
        .slice(0, 6) || "x";
    const name = `Щербак Юлія ${word}`;
    const first = await person(world.here, ["LEARNER"], name);
    const second = await person(world.here, ["LEARNER"], name);
    expect(first.handle).toBe(`shcherbak.yuliia.${word}`);
    expect(second.handle).toMatch(new RegExp(`^shcherbak\\.yuliia\\.${word}-\\w+$`));
    const hanna = await person(world.here, ["LEARNER"], "Ганна");
    expect(hanna.handle).toMatch(/^hanna(-\w+)?$/);
  });

  it("are made by the database exactly as the TypeScript mirror says", async () => {
    const names = [
      "Щербак Юлія",
      "Ганна",
      "Мар'яна Зґурська",
      "Олексій Згорський",
      "Їжакевич Євгенія",
      "Анна-Марія Костянтинівна Вишневецька",
      "Olena Smith",
      "Ь",
      "",
    ];
    for (const name of names) {
      const [row] = await getDb().$queryRaw<{ handle: string }[]>`SELECT skh_handle_base(${name}) AS "handle"`;
      expect(row!.handle, name).toBe(handleBase(name));
    }
  });

  it("can be changed to a free, well-formed one; the database refuses a malformed one", async () => {
    const p = await person(world.here, ["LEARNER"]);
    const wanted = `my.${uniqueSuffix()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
    await expect(updateHandle(p.actor, wanted)).resolves.toEqual({ handle: wanted });
    await expect(updateHandle(world.reader.actor, wanted)).rejects.toMatchObject({ status: 409, message: "errors.handleTaken" });
    await expect(getDb().user.update({ where: { id: p.id }, data: { handle: "Not A Handle" } })).rejects.toThrow();
  });

  it("goes to one of two people asking for the same handle at once; the other gets 409", async () => {
    const a = await person(world.here, ["LEARNER"]);
    const b = await person(world.here, ["LEARNER"]);
    const wanted = `race.${uniqueSuffix()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
    const results = await Promise.allSettled([updateHandle(a.actor, wanted), updateHandle(b.actor, wanted)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await getDb().user.count({ where: { handle: wanted } })).toBe(1);
  });

  it("is read and changed through the API, with a leading @ and capitals forgiven and bad ones refused in Ukrainian", async () => {
    const p = await person(world.here, ["LEARNER"]);
    await signInAs(p.email);
    const mine = await callRoute(handleRoute.GET, "/api/v1/community/handle", { method: "GET" });
    expect(mine.json).toEqual({ handle: p.handle });
    const wanted = `api.${uniqueSuffix()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
    const changed = await callRoute(handleRoute.PUT, "/api/v1/community/handle", { method: "PUT", body: { handle: `@${wanted.toUpperCase()}` } });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ handle: wanted });
    for (const bad of ["ab", "ганна", "has space", "ends.", "a".repeat(31)]) {
      const refused = await callRoute(handleRoute.PUT, "/api/v1/community/handle", { method: "PUT", body: { handle: bad } });
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error?.fields?.handle?.[0]).toMatch(/^Нік — від 3 до 30/);
    }
    const taken = await callRoute(handleRoute.PUT, "/api/v1/community/handle", { method: "PUT", body: { handle: world.reader.handle.slice(0, 30) } });
    expect(taken.status).toBe(world.reader.handle.length <= 30 ? 409 : 400);
  });
});

describe("mentions by handle", () => {
  it("notify a reader of the thread, show the name highlighted without a link, and ignore capitals and a full stop", async () => {
    const { author, reader } = world;
    const thread = await createThread(author.actor, question(world.region));
    await replyToThread(author.actor, thread.id, { body: `Що скаже @${reader.handle.toUpperCase()}.` });
    expect(await mentionsOf(reader.id, thread.id)).toEqual([{ kind: "community.mention" }]);
    const html = (await getThread(author.actor, thread.id)).replies[0]!.html;
    expect(html).toContain(`<span class="mention">@${reader.name}</span>.`);
    expect(html).not.toContain('<a class="mention"');
  });

  it("leave anyone who cannot read the thread as plain text and tell them nothing", async () => {
    const { author, stranger, member, owner } = world;
    const thread = await createThread(author.actor, question(world.region, `Питання до @${stranger.handle}`));
    expect(await mentionsOf(stranger.id, thread.id)).toEqual([]);
    expect((await getThread(author.actor, thread.id)).question!.html).toContain(`@${stranger.handle}`);
    // In a private group only members are readers: an outsider of the same region is not told.
    const inGroup = await createThread(owner.actor, question(world.group, `@${member.handle} і @${author.handle}, гляньте`));
    expect(await mentionsOf(member.id, inGroup.id)).toHaveLength(1);
    expect(await mentionsOf(author.id, inGroup.id)).toEqual([]);
  });

  it("still accept a person's id, as before handles (decision 022)", async () => {
    const { author, reader } = world;
    const thread = await createThread(author.actor, question(world.region));
    await replyToThread(author.actor, thread.id, { body: `Питання до @${reader.id}` });
    expect(await mentionsOf(reader.id, thread.id)).toHaveLength(1);
  });

  it("follow a changed handle: the new one mentions, the old one is plain text", async () => {
    const { author } = world;
    const p = await person(world.here, ["LEARNER"]);
    const renamed = `new.${uniqueSuffix()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
    await updateHandle(p.actor, renamed);
    const thread = await createThread(author.actor, question(world.region, `@${p.handle} чи @${renamed}?`));
    expect(await mentionsOf(p.id, thread.id)).toHaveLength(1);
    const html = (await getThread(author.actor, thread.id)).question!.html;
    expect(html).toContain(`@${p.handle}`);
    expect(html).toContain(`<span class="mention">@${p.name}</span>`);
  });
});

describe("quotations", () => {
  it("quote a post of the same space with an attribution linked to it, rendered as a blockquote", async () => {
    const { author, reader } = world;
    const thread = await createThread(author.actor, question(world.region, "Перший рядок\n\nДругий абзац з **жирним**."));
    const { question: first } = await getThread(author.actor, thread.id);
    const quote = await getQuote(reader.actor, first!.id);
    expect(quote.markdown).toBe(`> [quote:${first!.id}]\n> Перший рядок\n>\n> Другий абзац з **жирним**.\n\n`);
    await replyToThread(reader.actor, thread.id, { body: `${quote.markdown}Згодна з цим.` });
    const html = (await getThread(author.actor, thread.id)).replies[0]!.html;
    expect(html).toContain(
      `<blockquote class="quote">\n<p class="quote-source">Цитата з допису <cite><a href="/community/t/${thread.id}#post-${first!.id}">${author.name}</a></cite></p>`,
    );
    expect(html).toContain("<strong>жирним</strong>");
    expect(html).toContain("<p>Згодна з цим.</p>");
  });

  it("never name a post of a space its readers cannot open, nor give it to an outsider", async () => {
    const { author, owner, member } = world;
    const inGroup = await createThread(owner.actor, question(world.group, "Текст лише для групи"));
    const groupPost = (await getThread(owner.actor, inGroup.id)).question!;
    await expect(getQuote(author.actor, groupPost.id)).rejects.toMatchObject({ status: 404 });
    const regionThread = await createThread(member.actor, question(world.region, `> [quote:${groupPost.id}]\n> переказ`));
    const html = (await getThread(author.actor, regionThread.id)).question!.html;
    expect(html).not.toContain("quote-source");
    expect(html).not.toContain(owner.name);
    // ?quote= on another thread's page is ignored; on its own thread it pre-fills the reply.
    expect(await quoteForReply(owner.actor, regionThread.id, groupPost.id)).toBeUndefined();
    expect(await quoteForReply(owner.actor, inGroup.id, groupPost.id)).toContain(`> [quote:${groupPost.id}]`);
    expect(await quoteForReply(owner.actor, inGroup.id, ["a", "b"])).toBeUndefined();
    expect(await quoteForReply(owner.actor, inGroup.id, "no such post")).toBeUndefined();
  });

  it("never quote a post a moderator hid: no quotation, and an attribution to it stays plain text", async () => {
    const { author, reader } = world;
    const thread = await createThread(author.actor, question(world.region, "Текст, який модератор приховає"));
    const hiddenPost = (await getThread(author.actor, thread.id)).question!;
    await getDb().post.update({ where: { id: hiddenPost.id }, data: { hiddenAt: new Date(), hiddenReason: "Перевірка" } });
    await expect(getQuote(reader.actor, hiddenPost.id)).rejects.toMatchObject({ status: 404 });
    expect(await quoteForReply(reader.actor, thread.id, hiddenPost.id)).toBeUndefined();
    await replyToThread(reader.actor, thread.id, { body: `> [quote:${hiddenPost.id}]\n> переказ\n\nВідповідь.` });
    expect((await getThread(author.actor, thread.id)).replies.at(-1)!.html).not.toContain("quote-source");
  });

  it("answer through the API: 404 to an outsider, the Markdown to a reader", async () => {
    const { owner, stranger } = world;
    const inGroup = await createThread(owner.actor, question(world.group));
    const post = (await getThread(owner.actor, inGroup.id)).question!;
    await signInAs(stranger.email);
    const outsider = await callRoute(quoteRoute.GET, `/api/v1/community/posts/${post.id}/quote`, { method: "GET", params: { id: post.id } });
    expect(outsider.status).toBe(404);
    await signInAs(owner.email);
    const own = await callRoute(quoteRoute.GET, `/api/v1/community/posts/${post.id}/quote`, { method: "GET", params: { id: post.id } });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ postId: post.id, threadId: inGroup.id });
  });
});

describe("the migration", () => {
  it("gives existing accounts handles, the oldest keeping the plain name, and new ones get theirs from the trigger", async () => {
    const db = await pgliteMigratedBefore("20261201110000_community_drafts_mentions");
    try {
      await db.exec(`
        INSERT INTO "Region" ("id", "code", "nameUk", "nameEn") VALUES ('r', 'UA-53', 'Полтавська', 'Poltava');
        INSERT INTO "Hromada" ("id", "regionId", "nameUk", "nameEn") VALUES ('h', 'r', 'Громада', 'Hromada');
        INSERT INTO "Organization" ("id", "hromadaId", "name") VALUES ('o', 'h', 'Центр');
        INSERT INTO "User" ("id", "email", "name", "organizationId", "createdAt", "updatedAt") VALUES
          ('u2', 'u2@example.org', 'Ганна Коваль', 'o', '2026-02-01', now()),
          ('u1', 'u1@example.org', 'Ганна Коваль', 'o', '2026-01-01', now()),
          ('u3', 'u3@example.org', 'Щербак Юлія', 'o', '2026-03-01', now());
      `);
      await applyMigrations({ kind: "pglite-instance", db });
      const rows = (await db.query<Row>(`SELECT "id", "handle" FROM "User" ORDER BY "id"`)).rows;
      expect(rows[0]).toEqual({ id: "u1", handle: "hanna.koval" });
      expect(String(rows[1]!.handle)).toMatch(/^hanna\.koval-\d+$/);
      expect(rows[2]).toEqual({ id: "u3", handle: "shcherbak.yuliia" });
      await db.exec(`INSERT INTO "User" ("id", "email", "name", "organizationId", "updatedAt") VALUES ('u4', 'u4@example.org', 'Юлія Щербак', 'o', now())`);
      expect((await db.query<Row>(`SELECT "handle" FROM "User" WHERE "id" = 'u4'`)).rows[0]).toEqual({ handle: "yuliia.shcherbak" });
    } finally {
      await db.close();
    }
  }, 120_000);
});
