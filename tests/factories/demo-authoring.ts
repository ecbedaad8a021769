import type { PrismaClient } from "../../server/db/client";
import { DEMO_EMAIL_DOMAIN } from "./demo-world";
import { actorFromDb } from "./actors";
import { createAuthoredItem } from "../../features/authoring/server/create-item";
import { submitForReview } from "../../features/authoring/server/submit-item";
import { approveForPublication } from "../../features/authoring/server/decide-review";
import { createRegionTrack } from "../../features/authoring/server/create-region-track";
import { kyivDay } from "../../lib/kyiv-calendar";

/**
 * What the Poltava regional centre has published in the app (issue 12), written by one of its
 * methodologists and approved by the other through the workflow's own functions: a lesson for
 * outreach days in starosta districts, a recommendation on handing a case to another hromada
 * without sending clients' data through messengers, a region track, and a lesson waiting for review.
 */
export const DEMO_REGIONAL_LESSON_ID = "poltava-outreach-day-kit";

const outreachLesson = (today: string) => `---
id: ${DEMO_REGIONAL_LESSON_ID}
title: "Виїзний прийом у старостаті: що взяти, щоб допомогти з е-послугами"
summary: Контрольний список для виїзду в старостинський округ, де зв'язок нестабільний, а клієнтам потрібна допомога з Дією, ЦНАП чи записом до лікаря.
minutes: 4
level: 2
competences: ["SW.1", "SW.3", "5.1"]
tags: [виїзний прийом, старостат, е-послуги, полтавщина]
prerequisites: []
updated: ${today}
---

У віддалених селах громади прийом у старостаті — часто єдина нагода для літньої людини подати заяву онлайн чи записатися до лікаря. Зв'язок там буває слабким, а комп'ютер у старостаті — старим. Цей урок обласного центру збирає досвід фахівців Полтавщини: що підготувати заздалегідь, щоб виїзд не зірвався через дрібницю.

## Напередодні виїзду

<Checklist id="before-outreach" title="Підготуйте напередодні">
  <Item>Зарядіть ноутбук або планшет, павербанк і робочий телефон.</Item>
  <Item>Перевірте, чи працює мобільний інтернет у селі: спитайте старосту, де найкраще ловить зв'язок.</Item>
  <Item>Збережіть на пристрій переліки документів для послуг, про які найчастіше питають, — щоб мати їх і без інтернету.</Item>
  <Item>Попросіть старосту оголосити час прийому і нагадати людям узяти паспорт, РНОКПП і свій телефон.</Item>
</Checklist>

## Коли зв'язок зникає

Не поспішайте повторювати дію, якщо сторінка «зависла»: спершу перевірте, чи не надіслано заяву. Відкрийте розділ з поданими заявами або дочекайтеся SMS чи повідомлення в застосунку. Подвійна заява створює плутанину для ЦНАП і для клієнта.

<Callout type="tip" title="Роздавальний матеріал">Роздрукуйте покрокові інструкції з розділу «Покрокові інструкції»: людина забере аркуш додому і повторить кроки з родичами.</Callout>

## Дані клієнтів на виїзді

<Callout type="privacy" title="Без фото документів на особистому телефоні">Не фотографуйте документи клієнтів на свій особистий телефон і не пересилайте їх у месенджерах. Якщо потрібен скан, зробіть його на робочому пристрої, використайте для заяви і видаліть одразу після подання.</Callout>

Після прийому вийдіть з усіх кабінетів і акаунтів на спільному комп'ютері старостату: наступна людина не повинна побачити чужі дані.

<Quiz id="outreach-frozen-page" question="Під час подання заяви сторінка «зависла», а зв'язок пропав. Що зробити насамперед?">
  <Option explanation="Повторне надсилання може створити дві однакові заяви.">Одразу заповнити й надіслати заяву ще раз</Option>
  <Option correct explanation="Так ви не створите дубль: спершу з'ясуйте, чи заяву вже прийнято.">Коли зв'язок повернеться, перевірити список поданих заяв або повідомлення про подання</Option>
  <Option explanation="Клієнт може не дочекатися, а заяву, можливо, вже прийнято.">Перенести все на наступний виїзд через місяць</Option>
</Quiz>

<TrueFalse id="outreach-photo-documents" answer={false} statement="Сфотографувати паспорт клієнта на свій телефон зручно і допустимо, якщо потім видалити фото." explanation="Фото з особистого телефону потрапляють у резервні копії й месенджери. Скани робіть лише на робочому пристрої і видаляйте після подання." />
`;

const handoverNote = `## Для кого ця рекомендація

Для фахівців із соціальної роботи громад Полтавської області, коли клієнт переїжджає або отримує послуги в іншій громаді і справу треба передати колезі. Рекомендація стосується того, як передати інформацію, не порушивши вимог Закону України «Про захист персональних даних».

## Чого уникати

- Не надсилайте скани документів, медичні відомості чи опис життєвої ситуації клієнта в особистих месенджерах і групових чатах.
- Не пишіть прізвище й адресу клієнта в темах листів і в коментарях до спільних таблиць.

## Як передати справу

<Steps>
  <Step title="Отримайте згоду клієнта">Поясніть, кому і навіщо передаєте інформацію, і зафіксуйте згоду так, як це прийнято у вашому центрі.</Step>
  <Step title="Домовтеся телефоном">Зателефонуйте колезі з іншої громади, назвіть лише потребу клієнта і домовтеся, яким службовим каналом надішлете документи.</Step>
  <Step title="Надішліть службовим каналом">Використовуйте службову електронну пошту або систему документообігу вашої установи, а не особисті акаунти.</Step>
  <Step title="Позначте в справі">Запишіть, коли і кому передано справу, і видаліть тимчасові копії з робочого пристрою.</Step>
</Steps>

<Callout type="privacy" title="У спільноті практиків">Коли радитеся з колегами на форумі Сходинок, описуйте випадок без імен, адрес, дат народження і назв сіл: платформа попередить, якщо помітить такі дані.</Callout>
`;

const reviewLesson = (today: string) => `---
id: poltava-video-call-doctor
title: "Відеодзвінок із сімейним лікарем: як допомогти літньому клієнту"
summary: Як підготувати клієнта до відеоконсультації з лікарем, перевірити звук і камеру та подбати про приватність розмови.
minutes: 4
level: 2
competences: ["SW.2", "2.1"]
tags: [телемедицина, лікар, відеозв'язок]
prerequisites: []
updated: ${today}
---

Частина сімейних лікарів консультує і відеозв'язком. Для літньої людини такий дзвінок — нова і часто тривожна справа.

## Перед дзвінком

Домовтеся з клієнтом про тихе місце без сторонніх і перевірте заряд телефону. Зробіть пробний дзвінок родичу, щоб перевірити звук і камеру.

## Під час розмови

Сядьте поруч лише тоді, коли клієнт сам про це просить. Про стан здоров'я лікар говорить із пацієнтом.

<TrueFalse id="video-call-privacy" answer={true} statement="Соціальний працівник присутній під час консультації лише за згодою клієнта." explanation="Розмова з лікарем конфіденційна: ви поруч тільки тоді, коли клієнт цього хоче." />
`;

/** Publishes the Poltava centre's demo items; returns how many items it made. */
export async function createDemoAuthoring(db: PrismaClient, now = new Date()): Promise<number> {
  const author = await actorFromDb(db, { email: `methodist.poltava@${DEMO_EMAIL_DOMAIN}` });
  const reviewer = await actorFromDb(db, { email: `methodist2.poltava@${DEMO_EMAIL_DOMAIN}` });
  const today = kyivDay(now);

  const lesson = await createAuthoredItem(author, { kind: "lesson", hromadaIds: [], text: outreachLesson(today) });
  const lessonSubmitted = await submitForReview(author, lesson.id, 1);
  await approveForPublication(reviewer, lesson.id, { revision: lessonSubmitted.revision, comment: "Корисно для виїздів у старостати. Публікуємо." });

  const note = await createAuthoredItem(author, {
    kind: "note",
    noteKind: "RECOMMENDATION",
    hromadaIds: [],
    title: "Як передати справу клієнта колезі з іншої громади без пересилання даних у месенджерах",
    summary: "Чотири кроки: згода клієнта, домовленість телефоном, службовий канал, позначка у справі.",
    text: handoverNote,
  });
  const noteSubmitted = await submitForReview(author, note.id, 1);
  await approveForPublication(reviewer, note.id, { revision: noteSubmitted.revision });

  await createRegionTrack(author, {
    title: "Виїзні прийоми в старостатах",
    description: "Для фахівців, які допомагають людям з е-послугами у віддалених селах громади.",
    lessons: ["diia-for-clients", "cnap-online-application", DEMO_REGIONAL_LESSON_ID],
  });

  // Written by the second methodologist and waiting for the first one's review.
  const waiting = await createAuthoredItem(reviewer, { kind: "lesson", hromadaIds: [], text: reviewLesson(today) });
  await submitForReview(reviewer, waiting.id, 1);
  return 3;
}
