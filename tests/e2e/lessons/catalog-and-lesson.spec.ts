import type { Route } from "@playwright/test";
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

test("finishing a lesson still works when its code arrives late, or not at the first try", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/lessons/shared-office-computer");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page).toHaveURL(/\/lessons\/shared-office-computer$/);
  await expect(page.getByRole("button", { name: "Завершити урок" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectAccessible();

  // The page has loaded; what it fetches from now on is the code that records the lesson.
  let mode: "offline" | "hold" | "pass" = "offline";
  const held: Route[] = [];
  await page.route("**/_next/static/chunks/**", (route) =>
    mode === "offline" ? route.abort("internetdisconnected") : mode === "hold" ? held.push(route) : route.continue(),
  );

  const finish = page.getByRole("region", { name: "Урок прочитано?" });
  const button = finish.getByRole("button", { name: "Завершити урок" });
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(finish.getByRole("status")).toHaveText(/Немає з'єднання з інтернетом/);
  await expect(button).toBeEnabled();

  mode = "hold";
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(finish.getByRole("button", { name: "Збереження…" })).toBeDisabled();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  mode = "pass";
  for (const route of held) await route.continue();
  await expect(finish.getByRole("status")).toHaveText(/Урок зараховано\./);
  await expectAccessible();
});
