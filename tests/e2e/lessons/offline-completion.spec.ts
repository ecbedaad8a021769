import { test, expect, tabTo } from "../fixtures/test";

test("a lesson finished while the connection is down is kept and counted once the connection returns", async ({
  page,
  context,
  factory,
  signIn,
  expectAccessible,
}) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/lessons/two-factor-sign-in");
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  await expectAccessible();
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) {
    await page
      .getByRole("navigation", { name: "Кроки" })
      .getByRole("link", { name: /Далі|До завершення/ })
      .click();
  }

  await context.setOffline(true);
  await tabTo(page, page.getByRole("button", { name: "Завершити урок" }));
  await page.keyboard.press("Enter");
  const status = page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status");
  await expect(status).toHaveText(/^Немає зв'язку — урок збережено на цьому пристрої/);
  await expect(page.getByRole("button", { name: "Завершити урок" })).toBeDisabled();
  await expectAccessible();

  await context.setOffline(false);
  await expect(status).toHaveText(/^Урок зараховано\./);
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Пройдено сьогодні" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByText("Днів поспіль: 1")).toBeVisible();
  await expectAccessible();
});
