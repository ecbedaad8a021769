import { test, expect, uniqueSuffix, type Page } from "../fixtures/test";
import { startItemFromDesk } from "../fixtures/authoring";
import { answerScreen, nextScreen, visibleItems } from "../fixtures/lesson";
import { kyivDay } from "../../../lib/kyiv-calendar";

/** A 1×1 PNG: the smallest picture the upload accepts as an image by its bytes (decision 029). */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const INTRO_V1 = "Перший візит до літньої людини вирішує, чи довірятиме вона службі далі.";
const INTRO_V2 = "Перший візит до літньої людини здебільшого вирішує, чи довірятиме вона службі надалі.";
const CALL_BEFORE = "Зателефонуйте за день і домовтеся про зручну годину.";
const CALL_FIXED = "Зателефонуйте за день до візиту, домовтеся про зручну годину і назвіть своє ім'я.";
const QUESTION = "Що зробити першим, коли ви прийшли до людини додому?";
const ALT = "Пам'ятка для візиту: документи і телефони служби";
const RETURN_COMMENT = "У розділі «Перед візитом» додайте, що під час дзвінка працівник називає своє ім'я.";

/** The lesson as its author writes it, up to where the quiz goes (the palette inserts it at the end). */
function lessonBeforeQuiz(slug: string, title: string): string {
  return [
    "---",
    `id: ${slug}`,
    `title: "${title}"`,
    "summary: Як підготуватися до першого візиту до літньої людини вдома і що зробити на місці.",
    "minutes: 4",
    "level: 2",
    'competences: ["SW.1"]',
    "tags: []",
    `updated: ${kyivDay(new Date())}`,
    "---",
    "",
    INTRO_V1,
    "",
    "## Перед візитом",
    "",
    CALL_BEFORE,
    "",
    "## На місці",
    "",
    "Представтеся, покажіть посвідчення і поясніть, навіщо прийшли. Запитайте, кого людина хоче бачити поруч під час розмови.",
    "",
    "",
  ].join("\n");
}

const editor = (page: Page) => page.locator("#item-text");
/** Text to find as it is, inside a pattern. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces a sentence of the draft in the textarea (as an author's edit) and checks it was there. */
async function replaceInDraft(page: Page, from: string, to: string) {
  const text = await editor(page).inputValue();
  expect(text).toContain(from);
  await editor(page).fill(text.replace(from, to));
}

test("a Poltava methodologist writes a lesson, a colleague reviews it, Poltava learners take it, Zhytomyr never sees it, versions roll back, and the report counts it", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // A long journey through four people's screens: several times a single page's budget.
  test.setTimeout(240_000);
  const poltava = await factory.demoPlace("UA-53");
  const zhytomyr = await factory.demoPlace("UA-18");
  const author = await factory.person({ roles: ["METHODOLOGIST"], place: poltava });
  const reviewer = await factory.person({ roles: ["METHODOLOGIST"], place: poltava });
  const learner = await factory.person({ roles: ["LEARNER"], place: poltava });
  const farLearner = await factory.person({ roles: ["LEARNER"], place: zhytomyr });
  const word = uniqueSuffix();
  const title = `Перший домашній візит ${word}`;

  // 1. The author starts a lesson from the desk.
  await signIn(author);
  await page.goto("/authoring");
  await expect(page.getByRole("heading", { level: 1, name: "Методична робота" })).toBeVisible();
  await expectAccessible();
  const editorPath = await startItemFromDesk(page, "lesson", title);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The starting text has no quiz yet: the content rules say so at their lines.
  await expect(page.locator("#item-text-problems")).toBeVisible();
  await expectAccessible();
  const slug = /^id: (.+)$/m.exec(await editor(page).inputValue())?.[1];
  expect(slug).toBeTruthy();

  // The complete lesson: the text, a quiz from the palette (edited), a picture uploaded and inserted.
  await editor(page).fill(lessonBeforeQuiz(slug!, title));
  await editor(page).evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(area.value.length, area.value.length));
  await page.getByRole("toolbar", { name: "Вставити компонент" }).getByRole("button", { name: "Тест", exact: true }).click();
  // The palette selects the question's placeholder: typing replaces it.
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type(QUESTION);
  await expect(editor(page)).toHaveValue(new RegExp(`<Quiz id="[a-z0-9-]+" question="${literally(QUESTION)}">`));
  await replaceInDraft(
    page,
    'explanation="Чому ця відповідь правильна.">Правильна відповідь',
    'explanation="Людина має знати, хто перед нею, перш ніж пустити до оселі.">Представитися і показати посвідчення',
  );
  await replaceInDraft(
    page,
    'explanation="Чому ця відповідь хибна і як буде правильно.">Поширена хибна відповідь',
    'explanation="Спершу познайомтеся: анкета зачекає, а довіру потім важко повернути.">Одразу заповнити анкету оцінки потреб',
  );

  await page.getByLabel("Завантажити файл").setInputFiles({ name: "pamiatka.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("Файл «pamiatka.png» додано.")).toBeVisible();
  // The upload refreshes the page around the editor; what was typed stays.
  await expect(editor(page)).toHaveValue(new RegExp(literally(QUESTION)));
  const afterCall = (await editor(page).inputValue()).indexOf(CALL_BEFORE) + CALL_BEFORE.length;
  await editor(page).evaluate((area: HTMLTextAreaElement, at: number) => area.setSelectionRange(at, at), afterCall);
  await page.getByRole("button", { name: "Вставити в текст" }).click();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type(ALT);
  await expect(editor(page)).toHaveValue(new RegExp(`<Figure src="\\./f-[a-z0-9]+\\.png" alt="${literally(ALT)}"`));
  await replaceInDraft(page, 'caption="Підпис"', 'caption="Пам\'ятка, яку варто мати з собою"');

  await page.getByRole("button", { name: "Зберегти чернетку" }).click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
  await expect(editor(page)).toHaveValue(new RegExp(`alt="${literally(ALT)}"`));
  await expect(page.locator("#item-text-problems")).toHaveCount(0);
  await expectAccessible();

  // The preview shows the quiz and the picture, which loads.
  await page.getByRole("link", { name: "Переглянути як слухач" }).click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}/preview$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("fieldset[data-quiz-id]")).toContainText(QUESTION);
  const picture = page.getByRole("img", { name: ALT });
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible();

  await page.getByRole("link", { name: "← До редактора" }).click();
  await page.getByRole("button", { name: "Зберегти і надіслати на рецензію" }).click();
  await expect(page.getByText("Чернетку надіслано: її має переглянути інший методист вашої області.")).toBeVisible();
  await expectAccessible();

  // 2. The second methodologist returns it with a comment.
  await signIn(reviewer);
  await page.goto("/authoring");
  const awaiting = page.getByRole("region", { name: /^Чекають на вашу рецензію/ });
  await expect(awaiting.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible();
  await awaiting.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
  await expectAccessible();
  await page.getByLabel("Що доопрацювати").fill(RETURN_COMMENT);
  await page.getByRole("button", { name: "Повернути автору" }).click();
  await expect(page.getByRole("region", { name: new RegExp(`${reviewer.name} повертає на доопрацювання`) }).first()).toBeVisible();

  // The author reads the comment, fixes the sentence and submits again.
  await signIn(author);
  await page.goto(editorPath);
  await expect(page.getByRole("region", { name: new RegExp(`${reviewer.name} повертає на доопрацювання`) }).first()).toContainText(RETURN_COMMENT);
  await expectAccessible();
  await replaceInDraft(page, CALL_BEFORE, CALL_FIXED);
  await page.getByRole("button", { name: "Зберегти і надіслати на рецензію" }).click();
  await expect(page.getByText("Чернетку надіслано: її має переглянути інший методист вашої області.")).toBeVisible();

  // The second methodologist approves it for publication now.
  await signIn(reviewer);
  await page.goto(editorPath);
  await expect(editor(page)).toHaveValue(new RegExp(literally(CALL_FIXED)));
  await page.getByRole("button", { name: "Схвалити і опублікувати" }).click();
  await expect(page.getByText("Чернетка · опубліковано, версія 1")).toBeVisible();
  await expectAccessible();

  // 3. A Poltava learner finds it by a word of its title, sees who publishes it, and takes it.
  await signIn(learner);
  await page.goto(`/lessons?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("status").filter({ hasText: "Знайдено уроків" })).toHaveText("Знайдено уроків: 1");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(card).toContainText("Публікує: обласний центр, Полтавська область");
  await expectAccessible();
  await card.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Публікує: обласний центр, Полтавська область")).toBeVisible();
  await expect(page.locator("article")).toContainText(INTRO_V1);
  await expectAccessible();
  while ((await visibleItems(page).count()) === 0) await nextScreen(page);
  await expect(visibleItems(page)).toContainText(QUESTION);
  const answered = await answerScreen(page);
  expect(answered).toBe(1);
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) await nextScreen(page);
  await page.getByRole("button", { name: "Завершити урок" }).click();
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText("Урок зараховано. Відповідей у розкладі повторення: 1.");
  await expectAccessible();

  // 4. A Zhytomyr learner finds nothing, and its address answers 404.
  await signIn(farLearner);
  await page.goto(`/lessons?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("status").filter({ hasText: "Знайдено уроків" })).toHaveText("Знайдено уроків: 0");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible();
  const hidden = await page.goto(`/lessons/${slug}`);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByText(title)).toHaveCount(0);
  await expectAccessible();

  // 5. A second version: edited, submitted, approved; compared with the first; rolled back.
  await signIn(author);
  await page.goto(editorPath);
  await replaceInDraft(page, INTRO_V1, INTRO_V2);
  await page.getByRole("button", { name: "Зберегти і надіслати на рецензію" }).click();
  await expect(page.getByText("Чернетку надіслано: її має переглянути інший методист вашої області.")).toBeVisible();
  await signIn(reviewer);
  await page.goto(editorPath);
  await page.getByRole("button", { name: "Схвалити і опублікувати" }).click();
  await expect(page.getByText("Чернетка · опубліковано, версія 2")).toBeVisible();

  await signIn(author);
  await page.goto(`/lessons/${slug}`);
  await expect(page.locator("article")).toContainText(INTRO_V2);
  await expectAccessible();
  await page.goto(editorPath);
  await page.getByRole("link", { name: "Що змінилося порівняно з попередньою" }).click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}/compare\\?from=1&to=2$`));
  await expect(page.getByRole("heading", { level: 2, name: "Версія 1 → Версія 2" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `вилучено: ${INTRO_V1}` })).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ hasText: `додано: ${INTRO_V2}` })).toHaveCount(1);
  await expect(page.getByText("Додано рядків: 1, вилучено: 1.")).toBeVisible();
  await expectAccessible();

  await page.getByRole("link", { name: "← До редактора" }).click();
  await page.getByRole("button", { name: "Повернутися до версії 1" }).click();
  await expect(page.getByText("Чернетка · опубліковано, версія 3")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Версія 3" })).toContainText("Повернення до версії 1");
  await expect(editor(page)).toHaveValue(new RegExp(literally(INTRO_V1)));
  await expectAccessible();
  await page.goto(`/lessons/${slug}`);
  await expect(page.locator("article")).toContainText(INTRO_V1);
  await expect(page.locator("article")).not.toContainText(INTRO_V2);
  await expectAccessible();

  // 6. The region's activity report counts the learner's completion, on the page and in the CSV.
  const today = kyivDay(new Date());
  await page.goto(`/reports/activity?from=${today}&to=${today}`);
  await expect(page.getByRole("heading", { level: 1, name: "Звіт про навчальну активність: Полтавська область" })).toBeVisible();
  const most = page.getByRole("region", { name: "Найчастіше завершені уроки" }).first();
  await expect(most.getByRole("row", { name: title })).toHaveCount(1);
  await expect(most.getByRole("row", { name: title }).getByRole("cell").last()).toHaveText("1");
  await expectAccessible();
  const csvHref = await page.getByRole("link", { name: "Завантажити весь звіт (CSV)" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain(`${title},1\r\n`);
});
