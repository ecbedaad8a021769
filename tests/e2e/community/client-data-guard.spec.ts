import { test, expect, uniqueSuffix } from "../fixtures/test";

test("a post with a phone number and a birth date is stopped by the guard with both highlighted and not saved; without them it posts", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  const learner = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") });
  const title = `Як записати клієнтку до ЦНАП онлайн ${uniqueSuffix()}`;
  await signIn(learner);
  await page.goto("/community/region-poltava/new");
  await expect(page.getByRole("heading", { level: 1, name: "Нова тема" })).toBeVisible();
  await expectAccessible();

  await page.getByLabel("Обговорення").check();
  await page.getByLabel("Назва теми").fill(title);
  await page
    .getByLabel("Текст", { exact: true })
    .fill("Клієнтка народилася 12.03.1947, просить передзвонити на +380 67 123 45 67. Як записати її до ЦНАП онлайн?");
  await page.getByRole("button", { name: "Опублікувати" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Перевірте виділене" });
  await expect(alert).toBeVisible();
  await expect(alert.locator("mark")).toHaveCount(2);
  await expect(alert.locator("mark").filter({ hasText: "12.03.1947" })).toHaveCount(1);
  await expect(alert.locator("mark").filter({ hasText: "67 123 45 67" })).toHaveCount(1);
  await expect(page.getByLabel("Я підтверджую: у тексті немає даних клієнта")).not.toBeChecked();
  await expectAccessible();

  // Nothing was saved: the space does not list the thread.
  await page.goto("/community/region-poltava");
  await expect(page.getByRole("heading", { level: 1, name: "Полтавська область" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible();

  await page.goto("/community/region-poltava/new");
  await expectAccessible();
  await page.getByLabel("Обговорення").check();
  await page.getByLabel("Назва теми").fill(title);
  await page.getByLabel("Текст", { exact: true }).fill("Літня клієнтка просить записати її до ЦНАП онлайн. Як ви пояснюєте запис людям без смартфона?");
  await page.getByRole("button", { name: "Опублікувати" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible();
});
