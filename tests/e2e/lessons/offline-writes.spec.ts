import { test, expect } from "../fixtures/test";

test("a daily goal changed offline waits in the outbox and is saved when the connection returns", async ({
  page,
  context,
  factory,
  signIn,
  expectAccessible,
}) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  await signIn(learner);
  await page.goto("/progress");
  await expect(page.getByRole("radio", { name: "5 хв", exact: true })).toBeChecked();
  await expectAccessible();

  await context.setOffline(true);
  await page.getByRole("radio", { name: "10 хв", exact: true }).check();
  await page.getByRole("button", { name: "Зберегти мету" }).click();
  await expect(page.getByText("Немає зв'язку — збережено на цьому пристрої. Надішлемо, щойно зв'язок повернеться.")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: /Офлайн · Чекають на надсилання: 1/ })).toBeVisible();
  await expectAccessible();

  await context.setOffline(false);
  await expect(page.locator("#outbox-indicator")).toHaveText("");
  await page.reload();
  await expect(page.getByRole("radio", { name: "10 хв", exact: true })).toBeChecked();
  await expectAccessible();
});
