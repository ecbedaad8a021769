import { test, expect, tabTo, type Page } from "../fixtures/test";
import { submitShortSelfAssessment } from "../fixtures/competences";

/** Answers every area question of the short form with the keyboard: ArrowDown steps through statements. */
async function answerAreas(page: Page, steps: number[]) {
  const groups = page.locator("main fieldset:has(> legend)").filter({ has: page.getByText("Що з цього про вас?") });
  await expect(groups).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    const first = groups.nth(i).getByRole("radio").first();
    await tabTo(page, first);
    await page.keyboard.press("Space");
    for (let n = 0; n < steps[i]!; n++) await page.keyboard.press("ArrowDown");
  }
}

async function answerPurposes(page: Page) {
  const groups = page.locator("main fieldset").filter({ has: page.getByRole("radio", { name: "Часто" }) });
  await expect(groups).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await tabTo(page, groups.nth(i).getByRole("radio").first());
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown"); // Often
  }
}

test("a learner takes the short form, sees the profile and gaps, retakes it and sees the change", async ({ page, factory, signIn, expectAccessible }) => {
  // A social-work specialist who has never assessed themselves.
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/competences");
  await expect(page.getByRole("heading", { level: 1, name: "Мої компетентності" })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: /Коротке самооцінювання/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Коротке самооцінювання" })).toBeVisible();
  await expect(page.getByText("Крок 1 з 2")).toBeVisible();
  await expectAccessible();

  // Statement index per area: 0 → level 2, 1 → level 4.
  await answerAreas(page, [0, 0, 0, 0, 0, 0]);
  await tabTo(page, page.getByRole("button", { name: "Далі" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Крок 2 з 2")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Чернетку збережено" })).toBeVisible();
  await expectAccessible();
  await answerPurposes(page);
  await tabTo(page, page.getByRole("button", { name: "Надіслати самооцінювання" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: "Самооцінювання збережено" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Ваш рівень порівняно з ціллю ролі/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Що варто розвинути" })).toBeVisible();
  await expect(page.getByText(/Зараз 2, ціль — 4\./).first()).toBeVisible();
  await expect(page.getByText("Це ваше перше самооцінювання")).toBeVisible();
  await expect(page.getByRole("img", { name: "Рівні за областями в кожному самооцінюванні" })).toBeVisible();
  await expectAccessible();

  // Later: the learner has grown in the professional area.
  await tabTo(page, page.getByRole("link", { name: /Коротке самооцінювання/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Крок 1 з 2")).toBeVisible();
  await answerAreas(page, [0, 0, 0, 0, 0, 1]);
  await tabTo(page, page.getByRole("button", { name: "Далі" }));
  await page.keyboard.press("Enter");
  await answerPurposes(page);
  await tabTo(page, page.getByRole("button", { name: "Надіслати самооцінювання" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: "Самооцінювання збережено" })).toBeVisible();
  await expect(page.getByText("Цифрові інструменти в соціальній роботі: зросло з 2 до 4")).toBeVisible();
  const table = page.getByRole("table", { name: "Рівні за областями (таблиця)" });
  await expect(table.getByRole("row", { name: /Цифрові інструменти в соціальній роботі/ })).toContainText("24");
  await expectAccessible();
});

test("the curator sees a mentee's profile and confirms a self-rating; another curator gets 404 as for nobody", async ({
  page,
  browser,
  playwright,
  factory,
  signIn,
  expectAccessible,
}) => {
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const mentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(curator, mentee);
  // Where the first journey leaves a learner: level 2 everywhere, 4 in the professional area.
  await submitShortSelfAssessment(playwright, mentee, { levels: { SW: 4 }, otherwise: 2 });
  // Another curator of the same region, who is not this mentee's curator.
  const otherCurator = await factory.person({ roles: ["CURATOR", "LEARNER"] });

  await signIn(curator);
  await page.goto("/competences");
  await expect(page.getByRole("heading", { name: "Мої підопічні" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: mentee.name }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Компетентності: ${mentee.name}` })).toBeVisible();
  await expectAccessible();
  const menteeUrl = page.url();

  // It speaks about the mentee, and what waits for the curator comes first: no section to expand.
  await expect(page.getByRole("heading", { level: 2, name: `${mentee.name}: рівень порівняно з ціллю ролі «Фахівець із соціальної роботи»` })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: `Рівень: ${mentee.name}` })).toBeVisible();
  await expect(page.getByText(/Ваш рівень|Це ваше перше/)).toHaveCount(0);
  const waiting = page.getByRole("region", { name: "Чекають на ваше підтвердження: 6" });
  await expect(waiting).toBeVisible();
  const review = waiting.getByRole("form", { name: "Відгук куратора: Цифрові інструменти в соціальній роботі" });
  await tabTo(page, review.getByLabel("Коментар куратора (необов'язково)"));
  await page.keyboard.type("Бачила, як ви допомагали клієнтці з Дією — так тримати.");
  await tabTo(page, review.getByRole("button", { name: "Підтвердити самооцінку" }));
  await page.keyboard.press("Enter");
  await expect(review.getByRole("status")).toHaveText("Відгук збережено.");
  await expect(page.getByRole("region", { name: "Чекають на ваше підтвердження: 5" })).toBeVisible();
  // The review stands beside the rating in the full list.
  const details = page
    .getByRole("region", { name: "Усі компетентності", exact: true })
    .locator("details")
    .filter({ hasText: "Цифрові інструменти в соціальній роботі" })
    .first();
  await tabTo(page, details.locator("summary"));
  await page.keyboard.press("Enter");
  await expect(details.getByText(`Підтверджує куратор ${curator.name}`).first()).toBeVisible();
  await expectAccessible();
  // Back to the mentee's page with the keyboard.
  await tabTo(page, page.getByRole("link", { name: `← Сторінка підопічного: ${mentee.name}` }), 200);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: mentee.name })).toBeVisible();
  await expectAccessible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: `Компетентності: ${mentee.name}` })).toBeVisible();

  const other = await browser.newContext({ locale: "uk-UA" });
  const otherPage = await other.newPage();
  await signIn(otherCurator, otherPage);
  await otherPage.goto("/profile");
  await expect(otherPage.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  const response = await otherPage.goto(new URL(menteeUrl).pathname);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Сторінку не знайдено" })).toBeVisible();
  await expectAccessible(otherPage);
  await other.close();
});
