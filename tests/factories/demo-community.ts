import type { PrismaClient } from "../../server/db/client";
import { renderPost } from "../../features/community/render/render-post";
import { DEMO_EMAIL_DOMAIN, DEMO_MENTORSHIPS, REGIONS } from "./demo-world";

/**
 * The demo world's community: two national spaces, one space per demo region, a private group of
 * the demo curator and their mentees, and a few threads written for the demo — a question with an
 * accepted answer that links a lesson, an anonymised hard case, a discussion. No client data in
 * them (a unit test runs the client-data detector over every post).
 */
const LESSON_TITLES: Record<string, string> = {
  "diia-for-clients": "Дія для клієнтів — що це і як увійти безпечно",
  "client-data-confidentiality": "Дані клієнта — не для галереї й не для чату",
};

export const DEMO_NATIONAL_SPACES = [
  { slug: "derzhposluhy-online", name: "Держпослуги онлайн", description: "Дія, ЦНАП, Пенсійний фонд, HELSI: як допомогти людині отримати послугу онлайн." },
  {
    slug: "tsyfrovi-instrumenty",
    name: "Цифрові інструменти в соціальній роботі",
    description: "Месенджери, таблиці, опитування, сторінки центрів — що працює в громадах.",
  },
] as const;

type DemoPost = { author: string; body: string; accepted?: boolean };
type DemoThread = { space: string; kind: "DISCUSSION" | "QUESTION" | "HARD_CASE"; title: string; posts: DemoPost[] };

const learner = `learner@${DEMO_EMAIL_DOMAIN}`;
const curator = `curator@${DEMO_EMAIL_DOMAIN}`;
const methodologist = `methodist.poltava@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_THREADS: readonly DemoThread[] = [
  {
    space: "region-poltava",
    kind: "QUESTION",
    title: "Літній клієнт не може увійти в Дію: код не приходить",
    posts: [
      {
        author: learner,
        body: "Допомагаю пенсіонеру з громади увійти в Дію. Вхід через банк зупиняється на кроці з кодом — SMS не приходить, хоча номер у банку правильний. Спробували двічі з перервою в годину. Що ще перевірити, перш ніж радити йти до відділення банку?",
      },
      {
        author: curator,
        accepted: true,
        body: "Найчастіше причина в тому, що в телефоні заблоковані повідомлення від коротких номерів або переповнена пам'ять SMS. Перевірте:\n\n1. чи немає банку в списку заблокованих відправників;\n2. чи є місце для нових повідомлень;\n3. чи не ввімкнено режим «не турбувати».\n\nЯкщо не допомогло — вхід через застосунок банку замість SMS. Покроково це є в уроці [[lesson:diia-for-clients]], там же про те, що код не можна нікому диктувати.",
      },
      { author: learner, body: "Дякую! Повідомлення від банку справді були в заблокованих. Увійшли з першої спроби." },
    ],
  },
  {
    space: "tsyfrovi-instrumenty",
    kind: "HARD_CASE",
    title: "Клієнтка просить надіслати фото документів у месенджер",
    posts: [
      {
        author: curator,
        body: "**Ситуація**\n\nКлієнтка похилого віку, живе сама в селі громади, до центру добирається раз на місяць. Просить, щоб фахівчиня сфотографувала її документи на свій телефон і надіслала родичам у месенджер, бо так «швидше».\n\n**Що вже спробували**\n\nПояснили, що фото документів на особистому телефоні — ризик. Запропонували відсканувати в центрі й передати через захищену пошту центру, але родичі нею не користуються.\n\n**Питання**\n\nЯк ви розв'язуєте такі прохання, щоб і допомогти, і не тримати чужі документи в галереї? Урок [[lesson:client-data-confidentiality]] читали, цікавить практика.",
      },
      {
        author: methodologist,
        body: "У нас домовилися так: документи фотографує сама клієнтка або родич на своєму телефоні, а фахівчиня лише показує, як це зробити й надіслати. На службовому телефоні нічого не лишається. Якщо клієнтка не може — скан у центрі й передача лише на пошту, яку назвала вона сама.",
      },
    ],
  },
  {
    space: "derzhposluhy-online",
    kind: "DISCUSSION",
    title: "Електронна черга до ЦНАП: хто вже записує клієнтів онлайн?",
    posts: [
      {
        author: methodologist,
        body: "Кілька громад області запустили онлайн-запис до ЦНАП. Поділіться, як пояснюєте клієнтам: друкуєте пам'ятку, записуєте самі чи показуєте на їхньому телефоні?",
      },
      {
        author: learner,
        body: "Ми повісили в центрі оголошення з QR-кодом на сторінку запису, а на прийомі показуємо на телефоні клієнта. Люди старшого віку частіше просять записати їх самим — тоді записуємо при них і пишемо час на папірці.",
      },
    ],
  },
  {
    space: "curator-group",
    kind: "DISCUSSION",
    title: "План на місяць: паролі й шахрайські повідомлення",
    posts: [
      {
        author: curator,
        body: "Колеги, цього місяця проходимо два уроки: про надійні паролі та про розпізнавання шахрайських повідомлень. Пишіть тут, що було незрозуміло або що стало в пригоді в роботі.",
      },
    ],
  },
];

/**
 * The Poltava knowledge base's first entry: the answered question about the Diia sign-in code,
 * summarised by the region's methodologist (decision 024).
 */
export const DEMO_KNOWLEDGE_ENTRY = {
  threadTitle: "Літній клієнт не може увійти в Дію: код не приходить",
  title: "Код для входу в Дію через банк не приходить",
  summary:
    "Найчастіше SMS від банку потрапляють до заблокованих відправників або їх не приймає переповнена пам'ять повідомлень. Перевірте ці налаштування й режим «не турбувати»; якщо не допомогло — увійдіть через застосунок банку. Код нікому не диктуйте.",
} as const;

/** A second private group, of the Poltava methodologist with the demo curator, and its invitation waiting for the demo learner. */
export const DEMO_INVITING_GROUP = {
  slug: "poltava-curators",
  name: "Цифрові куратори Полтавщини",
  description: "Закрита група методиста й цифрових кураторів області: як супроводжувати підопічних.",
} as const;

/** Creates the community of the demo world; expects createDemoWorld to have run. Returns the number of threads. */
export async function createDemoCommunity(db: PrismaClient, now = new Date()): Promise<number> {
  const users = await db.user.findMany({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }, select: { id: true, email: true } });
  const userId = (email: string) => {
    const found = users.find((u) => u.email === email);
    if (!found) throw new Error(`Demo community: no demo user ${email}`);
    return found.id;
  };
  const spaceIds = new Map<string, string>();
  for (const s of DEMO_NATIONAL_SPACES) spaceIds.set(s.slug, (await db.communitySpace.create({ data: { kind: "NATIONAL", ...s }, select: { id: true } })).id);
  for (const r of REGIONS) {
    const region = await db.region.findUniqueOrThrow({ where: { code: r.code }, select: { id: true } });
    const space = await db.communitySpace.create({
      data: {
        kind: "REGION",
        slug: `region-${r.key}`,
        name: r.nameUk,
        description: `Простір фахівців області: питання, досвід, складні випадки.`,
        regionId: region.id,
      },
      select: { id: true },
    });
    spaceIds.set(`region-${r.key}`, space.id);
  }
  const curatorId = userId(curator);
  const menteeIds = DEMO_MENTORSHIPS.filter(([c]) => c === curator).map(([, m]) => userId(m));
  const group = await db.communitySpace.create({
    data: {
      kind: "GROUP",
      slug: "curator-group",
      name: "Наставницька група куратора",
      description: "Закрита група куратора та його підопічних.",
      ownerId: curatorId,
      members: { create: [{ userId: curatorId, role: "OWNER" }, ...menteeIds.map((id) => ({ userId: id, role: "MEMBER" }))] },
    },
    select: { id: true },
  });
  spaceIds.set("curator-group", group.id);

  let minutesAgo = DEMO_THREADS.length * 300;
  for (const t of DEMO_THREADS) {
    const start = new Date(now.getTime() - minutesAgo * 60_000);
    const posts = t.posts.map((p, i) => {
      const rendered = renderPost(p.body, {
        resolveCard: (kind, id) => (kind === "lesson" && LESSON_TITLES[id] ? { title: LESSON_TITLES[id], href: `/lessons/${id}` } : null),
        resolveMention: () => null,
      });
      return { ...p, html: rendered.html, cards: rendered.cards, at: new Date(start.getTime() + i * 45 * 60_000) };
    });
    const thread = await db.thread.create({
      data: {
        spaceId: spaceIds.get(t.space)!,
        authorId: userId(t.posts[0]!.author),
        kind: t.kind,
        title: t.title,
        createdAt: start,
        lastPostAt: posts.at(-1)!.at,
        replyCount: posts.length - 1,
      },
      select: { id: true },
    });
    for (const p of posts) {
      const row = await db.post.create({
        data: { threadId: thread.id, authorId: userId(p.author), body: p.body, html: p.html, createdAt: p.at },
        select: { id: true },
      });
      if (p.accepted) await db.thread.update({ where: { id: thread.id }, data: { acceptedPostId: row.id } });
    }
    const cards = posts.flatMap((p) => p.cards);
    if (cards.length)
      await db.threadContentLink.createMany({ data: cards.map((c) => ({ threadId: thread.id, kind: c.kind, contentId: c.id })), skipDuplicates: true });
    const people = [...new Set(t.posts.map((p) => userId(p.author)))];
    await db.threadFollow.createMany({ data: people.map((id) => ({ userId: id, threadId: thread.id })) });
    minutesAgo -= 300;
  }

  const answered = await db.thread.findFirstOrThrow({
    where: { title: DEMO_KNOWLEDGE_ENTRY.threadTitle, spaceId: spaceIds.get("region-poltava")! },
    select: { id: true, acceptedPostId: true },
  });
  await db.knowledgeEntry.create({
    data: {
      spaceId: spaceIds.get("region-poltava")!,
      threadId: answered.id,
      postId: answered.acceptedPostId,
      title: DEMO_KNOWLEDGE_ENTRY.title,
      summary: DEMO_KNOWLEDGE_ENTRY.summary,
      position: 1,
      addedById: userId(methodologist),
    },
  });
  const methodologistId = userId(methodologist);
  const poltava = await db.region.findUniqueOrThrow({ where: { code: "UA-53" }, select: { id: true } });
  await db.communitySpace.create({
    data: {
      kind: "GROUP",
      ...DEMO_INVITING_GROUP,
      regionId: poltava.id,
      ownerId: methodologistId,
      members: {
        create: [
          { userId: methodologistId, role: "OWNER" },
          { userId: curatorId, role: "MEMBER" },
        ],
      },
      admissions: { create: [{ userId: userId(learner), kind: "INVITATION", invitedById: methodologistId }] },
    },
  });
  return DEMO_THREADS.length;
}
