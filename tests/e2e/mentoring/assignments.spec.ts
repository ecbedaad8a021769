import { test, expect, signInWithKeyboard, tabTo } from "../fixtures/test";
import { nextScreen } from "../fixtures/lesson";

async function signOut(page: import("@playwright/test").Page) {
  await tabTo(page, page.getByRole("button", { name: "Вийти" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Увійти" }).first()).toBeVisible();
}

test("a methodologist assigns two mentees to a curator; the curator assigns a lesson with a due date; the mentee sees it first on Today and completes it; the curator sees the completion and an unread notification", async ({ page, expectAccessible }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in?next=/admin/mentorships");
  await expectAccessible();
  await signInWithKeyboard(page, "methodist.poltava@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Куратори і підопічні" })).toBeVisible();
  await expectAccessible();
  const form = page.getByRole("region", { name: "Призначити куратора" });
  const newMentees: string[] = [];
  for (let i = 0; i < 2; i++) {
    const curatorSelect = form.getByLabel("Куратор");
    await tabTo(page, curatorSelect);
    await curatorSelect.selectOption({ label: (await curatorSelect.locator("option", { hasText: "Оксана Ткачук" }).innerText()).trim() });
    const menteeSelect = form.getByLabel("Підопічний");
    const label = (await menteeSelect.locator("option").first().innerText()).trim();
    newMentees.push(label.split(" — ")[0]!);
    await menteeSelect.selectOption({ label });
    await tabTo(page, form.getByRole("button", { name: "Призначити" }));
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toHaveText("Призначено пар: 1.");
    await expect(form.getByLabel("Підопічний").locator("option", { hasText: newMentees[i]! })).toHaveCount(0);
  }
  await expect(page.getByRole("row").filter({ hasText: "Оксана Ткачук" }).first()).toContainText(/7 з 15/);
  await expectAccessible();
  await signOut(page);

  await page.goto("/sign-in?next=/curator");
  await expectAccessible();
  await signInWithKeyboard(page, "curator@demo.skhodynky.org");
  for (const name of newMentees) await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expectAccessible();
  // learner@ is Олена Коваленко, one of this curator's mentees.
  const menteeName = "Олена Коваленко";
  await tabTo(page, page.getByRole("link", { name: menteeName }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: menteeName })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByLabel("Назва"));
  await page.getByLabel("Назва").selectOption({ label: "Робочий чат без витоків" });
  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Термін (необов'язково)").fill(due);
  await tabTo(page, page.getByLabel("Повідомлення (необов'язково)"));
  await page.keyboard.type("Перед п'ятничною нарадою, будь ласка.");
  await tabTo(page, page.getByRole("button", { name: "Доручити" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Доручення надіслано — воно з'явиться першим у плані на сьогодні.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Доручення", exact: true })).toContainText("Урок: Робочий чат без витоків");
  await expectAccessible();
  await signOut(page);

  await page.goto("/sign-in?next=/today");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  const pick = page.getByRole("region", { name: "Урок дня" });
  await expect(pick).toContainText("Робочий чат без витоків");
  await expect(pick).toContainText(/Доручив куратор: Оксана Ткачук, до \d+ \S+/);
  await expect(pick).toContainText("Перед п'ятничною нарадою, будь ласка.");
  await expect(page.getByRole("link", { name: /Сповіщення\s*1 непрочитаних/ })).toBeVisible();
  await expectAccessible();
  await tabTo(page, pick.getByRole("link", { name: /Почати/ }));
  await page.keyboard.press("Enter");
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) await nextScreen(page);
  await tabTo(page, page.getByRole("button", { name: "Завершити урок" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(/^Урок зараховано\./);
  await expectAccessible();
  await signOut(page);

  await page.goto("/sign-in?next=/notifications");
  await expectAccessible();
  await signInWithKeyboard(page, "curator@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Сповіщення" })).toBeVisible();
  await expect(page.getByText("Непрочитаних: 1")).toBeVisible();
  await expect(page.getByRole("link", { name: `${menteeName} виконує доручення: «Робочий чат без витоків»` })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("button", { name: "Позначити всі прочитаними" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Непрочитаних: 0")).toBeVisible();
  await page.getByRole("link", { name: `${menteeName} виконує доручення: «Робочий чат без витоків»` }).click();
  await expect(page.getByRole("heading", { level: 1, name: menteeName })).toBeVisible();
  await expect(page.getByRole("region", { name: "Доручення", exact: true })).toContainText(/виконано \d+/);
  // Feedback in the private thread, with the reminder about client data.
  const thread = page.getByRole("region", { name: /^Листування:/ });
  await expect(thread).toContainText("Особисті дані клієнтів сюди не пишемо");
  await tabTo(page, thread.getByLabel("Ваше повідомлення"));
  await page.keyboard.type("Дякую! Наступного тижня розберемо фішинг на прикладах.");
  await tabTo(page, thread.getByRole("button", { name: "Надіслати" }));
  await page.keyboard.press("Enter");
  await expect(thread.getByRole("listitem").last()).toContainText("Дякую! Наступного тижня розберемо фішинг на прикладах.");
  await expect(thread.getByRole("listitem").last()).toContainText("ще не прочитано");
  await expectAccessible();
  await signOut(page);

  await page.goto("/sign-in?next=/my-curator");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Мій куратор" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Що бачить куратор" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Доручення", exact: true })).toContainText("Робочий чат без витоків");
  await expect(page.getByRole("region", { name: /^Листування:/ })).toContainText("Наступного тижня розберемо фішинг");
  await expectAccessible();
});

test("a learner of another curator is invisible: not in the caseload, and their page answers 403", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/curator");
  await expectAccessible();
  await signInWithKeyboard(page, "vasyl.onyshchuk@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expectAccessible();
  const theirs = page.getByRole("row").getByRole("link").first();
  const theirName = await theirs.innerText();
  const theirPage = await theirs.getAttribute("href");
  expect(theirPage).toMatch(/^\/curator\/mentees\//);
  await signOut(page);

  await page.goto("/sign-in?next=/curator");
  await expectAccessible();
  await signInWithKeyboard(page, "curator@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expect(page.getByRole("link", { name: theirName })).toHaveCount(0);
  const response = await page.goto(theirPage!);
  expect(response?.status()).toBe(403);
  await expect(page.getByText(theirName)).toHaveCount(0);
  await expectAccessible();
});

test("a methodologist reads a curator's caseload and a mentee's page of their region, without the assignment form or the private thread", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/admin/mentorships");
  await expectAccessible();
  await signInWithKeyboard(page, "methodist.poltava@demo.skhodynky.org");
  await expect(page.getByRole("heading", { level: 1, name: "Куратори і підопічні" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Оксана Ткачук" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Підопічні куратора: Оксана Ткачук" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Олена Коваленко" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Олена Коваленко" })).toBeVisible();
  await expect(page.getByText(/Ви бачите цю сторінку як методист регіону/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Дати доручення" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Листування:/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Доручення", exact: true })).toBeVisible();
  await expectAccessible();
  // The unsubscribe page (reached from a digest e-mail) without a token explains what to do.
  await page.goto("/unsubscribe");
  await expect(page.getByText("Відкрийте посилання для відписки з листа.")).toBeVisible();
  await expectAccessible();
});
