import { test, expect, signOut, tabTo } from "../fixtures/test";
import { nextScreen } from "../fixtures/lesson";

test("a methodologist assigns two mentees to a curator; the curator assigns a lesson with a due date; the mentee sees it first on Today and completes it; the curator sees the completion and an unread notification", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const mentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(curator, mentee);
  const unpaired = [await factory.person({ roles: ["LEARNER"] }), await factory.person({ roles: ["LEARNER"] })];

  await signIn(methodologist);
  await page.goto("/admin/mentorships");
  await expect(page.getByRole("heading", { level: 1, name: "Куратори і підопічні" })).toBeVisible();
  await expectAccessible();
  const form = page.getByRole("region", { name: "Призначити куратора" });
  const newMentees: string[] = [];
  for (let i = 0; i < 2; i++) {
    const curatorSelect = form.getByLabel("Куратор");
    await tabTo(page, curatorSelect);
    await curatorSelect.selectOption({ label: (await curatorSelect.locator("option", { hasText: curator.name }).innerText()).trim() });
    const menteeSelect = form.getByLabel("Підопічний");
    const label = (await menteeSelect.locator("option", { hasText: unpaired[i]!.name }).innerText()).trim();
    newMentees.push(label.split(" — ")[0]!);
    await menteeSelect.selectOption({ label });
    await tabTo(page, form.getByRole("button", { name: "Призначити" }));
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toHaveText("Призначено пар: 1.");
    await expect(form.getByLabel("Підопічний").locator("option", { hasText: newMentees[i]! })).toHaveCount(0);
  }
  // The mentee the curator already had, and the two just assigned.
  // The load cell alone: the row also holds the organization's name, whose random suffix may end in a digit.
  const loadRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: curator.name }) });
  await expect(loadRow.getByRole("cell").last()).toHaveText("3 з 15");
  await expectAccessible();
  await signOut(page);
  await expectAccessible();

  await signIn(curator);
  await page.goto("/curator");
  for (const name of newMentees) await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expectAccessible();
  const menteeName = mentee.name;
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
  await expectAccessible();

  await signIn(mentee);
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  const pick = page.getByRole("region", { name: "Урок дня" });
  await expect(pick).toContainText("Робочий чат без витоків");
  await expect(pick).toContainText(new RegExp(`Доручив куратор: ${curator.name}, до \\d+ \\S+`));
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
  await expectAccessible();

  await signIn(curator);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Сповіщення" })).toBeVisible();
  await expect(page.getByText("Непрочитаних: 1")).toBeVisible();
  await expect(page.getByRole("link", { name: `${menteeName}: доручення «Робочий чат без витоків» виконано` })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("button", { name: "Позначити всі прочитаними" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Непрочитаних: 0")).toBeVisible();
  await page.getByRole("link", { name: `${menteeName}: доручення «Робочий чат без витоків» виконано` }).click();
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
  await expectAccessible();

  await signIn(mentee);
  await page.goto("/my-curator");
  await expect(page.getByRole("heading", { level: 1, name: "Мій куратор" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Що бачить куратор" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Доручення", exact: true })).toContainText("Робочий чат без витоків");
  const menteeThread = page.getByRole("region", { name: /^Листування:/ });
  await expect(menteeThread).toContainText("Наступного тижня розберемо фішинг");
  await expect(menteeThread.getByRole("listitem").last()).toContainText("нове");
  // Showing the thread writes nothing; its script then marks it read through the API and drops the button.
  await expect(menteeThread.getByRole("button", { name: "Позначити прочитаним" })).toHaveCount(0);
  await expectAccessible();
});

test("a learner of another curator is invisible: not in the caseload, and their page answers 404 as if there were none", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // Both curators work in one region: sharing a region gives a curator no view of another's mentees.
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  await factory.pair(curator, await factory.person({ roles: ["LEARNER"] }));
  const otherCurator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const otherMentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(otherCurator, otherMentee);

  await signIn(otherCurator);
  await page.goto("/curator");
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expectAccessible();
  const theirs = page.getByRole("row").getByRole("link").first();
  const theirName = await theirs.innerText();
  const theirPage = await theirs.getAttribute("href");
  expect(theirName).toBe(otherMentee.name);
  expect(theirPage).toMatch(/^\/curator\/mentees\//);
  await signOut(page);
  await expectAccessible();

  await signIn(curator);
  await page.goto("/curator");
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  await expect(page.getByRole("link", { name: theirName })).toHaveCount(0);
  const response = await page.goto(theirPage!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Сторінку не знайдено" })).toBeVisible();
  await expect(page.getByText(theirName)).toHaveCount(0);
  await expectAccessible();
});

test("a methodologist reads a curator's caseload and a mentee's page of their region, without the assignment form or the private thread", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const mentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(curator, mentee);

  await signIn(methodologist);
  await page.goto("/admin/mentorships");
  await expect(page.getByRole("heading", { level: 1, name: "Куратори і підопічні" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: curator.name }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Підопічні куратора: ${curator.name}` })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: mentee.name }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: mentee.name })).toBeVisible();
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
