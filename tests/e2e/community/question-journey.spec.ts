import { test, expect, uniqueSuffix } from "../fixtures/test";

const LESSON_TITLE = "Дія для клієнтів — що це і як увійти безпечно";

test("a learner asks in their region's space (the guard stops a phone number first), a colleague answers with a lesson, the author accepts it, the methodologist adds it to the region knowledge base, and the lesson lists the thread", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const poltava = await factory.demoPlace("UA-53");
  const learner = await factory.person({ roles: ["LEARNER"], place: poltava });
  const colleague = await factory.person({ roles: ["LEARNER"], place: poltava });
  const suffix = uniqueSuffix();
  const title = `Не приходить код для входу в Дію ${suffix}`;

  await signIn(learner);
  await page.goto("/community");
  await expect(page.getByRole("heading", { level: 1, name: "Спільнота" })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Полтавська область" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Полтавська область" })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Нова тема" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Нова тема" })).toBeVisible();
  await expectAccessible();

  await page.getByLabel("Питання").check();
  await page.getByLabel("Назва теми").fill(title);
  await page.getByLabel("Текст", { exact: true }).fill("Клієнт просить передзвонити йому на +380 67 123 45 67, бо код не приходить.");
  await page.getByRole("button", { name: "Опублікувати" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Перевірте виділене" });
  await expect(alert).toBeVisible();
  await expect(alert.locator("mark")).toContainText("67 123 45 67");
  await expect(page.getByLabel("Я підтверджую: у тексті немає даних клієнта")).toBeVisible();
  await expectAccessible();

  await page.getByLabel("Текст", { exact: true }).fill("Літньому клієнтові не приходить код під час входу в Дію через банк. Що перевірити?");
  await page.getByRole("button", { name: "Опублікувати" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  await expectAccessible();

  await signIn(colleague);
  await page.goto(threadUrl);
  await page.getByLabel("Ваша відповідь").fill("Перевірте заблокованих відправників SMS. Покроково — в уроці [[lesson:diia-for-clients]].");
  await page.getByRole("button", { name: "Відповісти" }).click();
  await expect(page.getByRole("link", { name: new RegExp(LESSON_TITLE) })).toBeVisible();
  await expectAccessible();
  // Within 30 minutes the author edits the reply; it is marked as edited.
  await page.getByRole("button", { name: "Змінити", exact: true }).click();
  await page
    .getByLabel("Змінити допис")
    .fill("Перевірте заблокованих відправників SMS і вільне місце для повідомлень. Покроково — в уроці [[lesson:diia-for-clients]].");
  await page.getByRole("button", { name: "Зберегти" }).click();
  await expect(page.getByText("вільне місце для повідомлень")).toBeVisible();
  await expect(page.getByText("змінено")).toBeVisible();
  await expectAccessible();

  await signIn(learner);
  await page.goto(threadUrl);
  await page.getByRole("button", { name: "Прийняти як відповідь" }).click();
  await expect(page.getByRole("heading", { name: /Прийнята відповідь/ })).toBeVisible();
  await expectAccessible();

  await page.goto("/lessons/diia-for-clients");
  const discussed = page.getByRole("region", { name: "Обговорюють у спільноті" });
  await expect(discussed.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible();

  await page.goto(`/community/search?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  await expectAccessible();

  // The region's methodologist adds the accepted answer to the region knowledge base.
  await signIn(await factory.person({ roles: ["METHODOLOGIST"], place: poltava }));
  await page.goto(threadUrl);
  const knowledge = page.getByRole("region", { name: "База знань області" });
  await expect(knowledge.getByLabel("Назва запису")).toHaveValue(title);
  await expectAccessible();
  await knowledge.getByLabel("Назва запису").fill(`Код для входу в Дію не приходить ${suffix}`);
  await knowledge.getByLabel("Короткий підсумок").fill("Перевірте заблокованих відправників SMS і вільну пам'ять телефону; покроково — в уроці про Дію.");
  await knowledge.getByRole("button", { name: "Додати до бази знань" }).click();
  await expect(page.getByText("Ця відповідь є в базі знань області.")).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Відкрити базу знань" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "База знань: Полтавська область" })).toBeVisible();
  const entry = page.getByRole("article", { name: `Код для входу в Дію не приходить ${suffix}` });
  await expect(entry.getByText("Перевірте заблокованих відправників SMS і вільну пам'ять телефону")).toBeVisible();
  await expect(entry.getByText("вільне місце для повідомлень")).toBeVisible();
  await expect(entry.getByRole("link", { name: `Відкрити тему «${title}»` })).toBeVisible();
  await expectAccessible();

  // The lesson still lists the thread.
  await page.goto("/lessons/diia-for-clients");
  await expect(page.getByRole("region", { name: "Обговорюють у спільноті" }).getByRole("link", { name: title })).toBeVisible();
  await expectAccessible();

  // The region's methodologist closes the answered question, with a reason.
  await page.goto(threadUrl);
  await page.getByLabel("Причина (її буде записано в журнал)").fill("Питання вирішено");
  await page.getByRole("button", { name: "Закрити тему" }).click();
  await expect(page.getByText("Тему закрито: відповідати вже не можна.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Відкрити тему знову" })).toBeVisible();
  await expectAccessible();
});
