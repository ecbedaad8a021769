import { test, expect, tabTo } from "../fixtures/test";
import { answerScreen, nextScreen } from "../fixtures/lesson";

/*
 * The daily loop of a social worker: Today → the lesson of the day, screen by screen (leaving
 * half-way and resuming) → the quiz → the streak and the next lesson → My progress and the daily
 * goal → later, the review of an item that came due.
 */
test("a learner takes the lesson of the day, sees the streak and the next lesson, then reviews a due item", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(240_000);
  // A learner with no history: no streak, nothing to review.
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  await expect(page.getByText("Днів поспіль: 0")).toBeVisible();
  await expect(page.getByText(/Сьогодні нічого повторювати/)).toBeVisible();
  await expectAccessible();

  const lessonTitle = await page.locator("#pick ~ p.text-lg").innerText();
  await tabTo(page, page.getByRole("link", { name: /Почати \(\d хв\)/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  await expectAccessible();
  await nextScreen(page);
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 2 з \d+/);

  // Called away: back on Today, the lesson waits where it was left.
  await page.getByRole("navigation", { name: "Основна навігація" }).getByRole("link", { name: "Сьогодні" }).click();
  const resume = page.getByRole("link", { name: "Продовжити з кроку 2" });
  await expect(resume).toBeVisible();
  await expect(page.getByText("Ви зупинилися посеред уроку")).toBeVisible();
  await expectAccessible();
  await tabTo(page, resume);
  await page.keyboard.press("Enter");
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 2 з \d+/);

  // Through the lesson: every item answered, the first one wrongly on purpose.
  let answered = 0;
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) {
    answered += await answerScreen(page, { wrongFirst: answered === 0 });
    await expectAccessible();
    await nextScreen(page);
  }
  expect(answered).toBeGreaterThan(0);
  await expect(page.locator("#lesson-step-label")).toHaveText(/Урок прочитано\?$/);
  await tabTo(page, page.getByRole("button", { name: "Завершити урок" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(
    `Урок зараховано. Відповідей у розкладі повторення: ${answered}.`,
  );
  const nextLesson = page.getByRole("navigation", { name: "Наступний урок" }).getByRole("link", { name: /^Далі: / });
  await expect(nextLesson).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "До плану на сьогодні" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Днів поспіль: 1")).toBeVisible();
  await expect(page.getByText("Сьогодні вже зараховано.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Пройдено сьогодні" })).toBeVisible();
  await expect(page.getByRole("link", { name: lessonTitle })).toBeVisible();

  // My progress: the lesson counts in its track, and the daily goal can be raised.
  await tabTo(page, page.getByRole("link", { name: "Мій поступ та історія серії" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Мій поступ" })).toBeVisible();
  await expect(page.getByText(/^Пройдено 1 з \d+$/)).toBeVisible();
  await expect(page.getByRole("cell", { name: /навчалися/ })).toHaveCount(1);
  await expectAccessible();
  // The goal is one radio group: Tab reaches the chosen 5 minutes, an arrow key moves to 10.
  await tabTo(page, page.getByRole("radio", { name: "5 хв", exact: true }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "10 хв", exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Зберегти мету" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Мету збережено: 10 хв на день.")).toBeVisible();

  // Later: the wrongly answered item comes due (FSRS brings a lapse back within minutes).
  await page.goto("/today");
  await expect(page.getByText(/\d+ хв/).first()).toBeVisible();
  await expect(page.getByText("з 10 хв")).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole("link", { name: "Повторити" }).count();
      },
      { timeout: 150_000, intervals: [15_000] },
    )
    .toBe(1);
  // The wrongly answered item at least (and any other answer that missed) is due now.
  const dueLine = await page.getByText(/чека(є|ють) на повторення/).innerText();
  const due = Number(/^(\d+)/.exec(dueLine)![1]);
  expect(due).toBeGreaterThanOrEqual(1);
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Повторити" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Повторення" })).toBeVisible();
  const inSession = Math.min(due, 6);
  await expectAccessible();
  for (let n = 1; n <= inSession; n++) {
    await expect(page.getByText(`Питання ${n} з ${inSession}`)).toBeVisible();
    const item = page.locator("fieldset[data-quiz-id]");
    await expect(item).toHaveCount(1);
    const check = item.getByRole("button", { name: "Перевірити" });
    await tabTo(page, item.getByRole("radio").or(item.getByRole("checkbox")).first());
    await page.keyboard.press("Space");
    if (await check.count()) {
      await tabTo(page, check);
      await page.keyboard.press("Enter");
    }
    await tabTo(page, page.getByRole("button", { name: n === inSession ? "Завершити повторення" : "Наступне питання" }));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "Повторення завершено" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Відповідей: ${inSession}, правильних: \\d+\\.$`))).toBeVisible();
  await expectAccessible();
});
