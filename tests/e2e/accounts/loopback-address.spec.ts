import { test, expect, signInWithKeyboard, tabTo } from "../fixtures/test";

/*
 * The e2e server runs like a fresh `npm start`, with no APP_URL. Reached at 127.0.0.1 instead of
 * localhost, the same app must accept the sign-in form and the writes that follow: once every one
 * of them was refused as "sent from another site".
 */
test("at http://127.0.0.1 a learner signs in with the form, opens Today and saves a daily goal", async ({ browser, factory, expectAccessible }) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  const address = new URL(test.info().project.use.baseURL!);
  address.hostname = "127.0.0.1";
  const context = await browser.newContext({ baseURL: address.origin, locale: "uk-UA", timezoneId: "Europe/Kyiv" });
  const page = await context.newPage();

  await page.goto("/sign-in?next=/today");
  await expectAccessible(page);
  await signInWithKeyboard(page, learner.email, learner.password);
  await expect(page).toHaveURL(`${address.origin}/today`);
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, page.getByRole("link", { name: "Мій поступ та історія серії" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Мій поступ" })).toBeVisible();
  await tabTo(page, page.getByRole("radio", { name: "5 хв", exact: true }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "10 хв", exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Зберегти мету" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Мету збережено: 10 хв на день.")).toBeVisible();
  await expectAccessible(page);

  // Saved on the server, not only shown: Today measures the day against the new goal.
  await page.goto("/today");
  await expect(page.getByText("з 10 хв")).toBeVisible();
  await context.close();
});
