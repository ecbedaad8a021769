import { test, expect, signOut, tabTo } from "../fixtures/test";

test("a Ukrainian name inside a sentence is declined: the mentee reads «Нове повідомлення від Оксани Ткачук», a surname that does not change for a woman", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"], name: "Оксана Ткачук" });
  const mentee = await factory.person({ roles: ["LEARNER"], name: "Олег Ткачук" });
  await factory.pair(curator, mentee);

  await signIn(curator);
  await page.goto("/curator");
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Олег Ткачук" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Олег Ткачук" })).toBeVisible();
  const thread = page.getByRole("region", { name: /^Листування:/ });
  await tabTo(page, thread.getByLabel("Ваше повідомлення"));
  await page.keyboard.type("Добрий день! Гляньте, будь ласка, урок про фішинг.");
  await tabTo(page, thread.getByRole("button", { name: "Надіслати" }));
  await page.keyboard.press("Enter");
  await expect(thread.getByRole("listitem").last()).toContainText("Гляньте, будь ласка, урок про фішинг.");
  await expectAccessible();
  await signOut(page);
  await expectAccessible();

  await signIn(mentee);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Сповіщення" })).toBeVisible();
  await expect(page.getByText("Нове повідомлення від Оксани Ткачук")).toBeVisible();
  await expect(page.getByText("від Оксана Ткачук")).toHaveCount(0);
  await expectAccessible();
});
