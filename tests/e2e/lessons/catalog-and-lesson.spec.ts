import { test, expect, signInWithKeyboard, tabTo } from "../fixtures/test";

test("a learner finds a lesson in the catalog, reads it and answers its quiz with the keyboard", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/lessons");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
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

  // The first quiz: choose an answer with the keyboard and check it.
  const quiz = page.locator("fieldset[data-quiz-id]").first();
  await tabTo(page, quiz.getByRole("radio").first());
  await page.keyboard.press("Space");
  await tabTo(page, quiz.getByRole("button", { name: "Перевірити" }));
  await page.keyboard.press("Enter");
  await expect(quiz.getByRole("status")).toHaveText(/Правильно|Ще не зовсім/);
  await expectAccessible();

  // Finishing records the lesson and the answer through the API.
  await tabTo(page, page.getByRole("button", { name: "Завершити урок" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(/Урок зараховано\. Відповідей у розкладі повторення: 1\./);
  await expectAccessible();

  const next = page.getByRole("navigation", { name: "Наступний урок" }).getByRole("link");
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible();
});

test("Today shows the lesson of the day, the goal and the streak after a lesson", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/today");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  // The previous journey finished a lesson today, so the streak has started.
  await expect(page.getByText("Днів поспіль: 1")).toBeVisible();
  await expect(page.getByText("Сьогодні вже зараховано.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Пройдено сьогодні" })).toBeVisible();
  await expectAccessible();
  const start = page.getByRole("link", { name: /Почати \(\d хв\)/ });
  await tabTo(page, start);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Завершити урок" })).toBeVisible();
  await expectAccessible();
});
