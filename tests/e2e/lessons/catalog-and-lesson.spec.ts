import { test, expect, tabTo } from "../fixtures/test";
import { answerScreen, nextScreen, visibleItems } from "../fixtures/lesson";

test("a learner finds a lesson in the catalog, reads it and answers its quiz with the keyboard", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/lessons");
  await expect(page.getByRole("heading", { level: 1, name: "Уроки" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Безпека і захист даних" })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByLabel("Пошук за словами"));
  await page.keyboard.type("пароль");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("status").filter({ hasText: "Знайдено уроків" })).not.toHaveText("Знайдено уроків: 0");
  await expectAccessible();

  const lessonLink = page.getByRole("link", { name: /пароль/i }).first();
  await tabTo(page, lessonLink);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("article")).toContainText("хв");
  await expectAccessible();

  // Screen by screen to the first quiz: choose an answer with the keyboard and check it.
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  while ((await visibleItems(page).count()) === 0) await nextScreen(page);
  const quiz = visibleItems(page).first();
  const answered = await answerScreen(page);
  await expect(quiz.getByRole("status")).not.toHaveText("");
  await expectAccessible();

  // On to the finish screen; finishing records the lesson and the answers through the API.
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) await nextScreen(page);
  await tabTo(page, page.getByRole("button", { name: "Завершити урок" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(
    `Урок зараховано. Відповідей у розкладі повторення: ${answered}.`,
  );
  // The keyboard focus stays on the button (which now does nothing), not thrown to the page's start.
  await expect(page.getByRole("button", { name: "Завершити урок" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Завершити урок" })).toHaveAttribute("aria-disabled", "true");
  await expectAccessible();

  const next = page.getByRole("navigation", { name: "Наступний урок" }).getByRole("link", { name: /^Далі: / });
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  await expectAccessible();
});

test("a lesson works screen by screen without JavaScript: Back and Next are ordinary links", async ({ page, browser, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  await expectAccessible();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  const base = new URL(page.url()).origin;
  await plain.goto(`${base}/lessons/strong-passwords`);
  await expect(plain.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  await expect(plain.locator("section[data-step]:not([hidden])")).toHaveCount(1);
  await plain.getByRole("link", { name: "Далі →" }).click();
  await expect(plain).toHaveURL(/step=2$/);
  await expect(plain.locator("#lesson-step-label")).toHaveText(/^Крок 2 з \d+/);
  await expect(plain.locator("section[data-step]:not([hidden])")).toHaveCount(1);
  await plain.getByRole("link", { name: "← Назад" }).click();
  await expect(plain.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  await context.close();
});

test("an unknown lesson or guide answers 404 with a title that says so", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  for (const path of ["/lessons/no-such-lesson", "/walkthroughs/no-such-guide"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Сторінку не знайдено" })).toBeVisible();
    await expect(page).toHaveTitle("Сторінку не знайдено — Сходинки");
    await expectAccessible();
  }
});
