import { test, expect, tabTo } from "../fixtures/test";
import { answerScreen, nextScreen } from "../fixtures/lesson";

test("a learner completes a walkthrough with the keyboard only, reading each screen's marks without the image", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // Ten screens, each checked with axe: on a busy two-CPU machine this takes about a minute.
  test.setTimeout(120_000);
  const learner = await factory.person({ roles: ["LEARNER"] });
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  await factory.pair(curator, learner);
  await factory.clearWalkthroughVerifications("diia-sign-in");
  await signIn(learner);
  await page.goto("/walkthroughs");
  await expect(page.getByRole("heading", { level: 1, name: "Покрокові інструкції" })).toBeVisible();
  await expect(page.getByText("ще не перевірено методистом").first()).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "Вхід у Дію і показ е-документів" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Вхід у Дію і показ е-документів" })).toBeVisible();
  await expect(page.getByText(/^Ще не перевірено методистом/)).toBeVisible();
  await expect(page.locator("#lesson-step-label")).toHaveText("Перед початком");
  await expectAccessible();

  // Each step: its screen has alt text and a legend of the numbered marks, then what to expect,
  // common mistakes and what to tell the client.
  for (let n = 2; n <= 9; n++) {
    await nextScreen(page);
    await expect(page.locator("#lesson-step-label")).toHaveText(new RegExp(`^Крок ${n - 1} з 8: `));
    const step = page.locator("section[data-step]:not([hidden])");
    await expect(step.getByRole("img")).toHaveAttribute("alt", /.{10,}/);
    await expect(step.getByRole("list", { name: "Позначки на екрані" }).getByRole("listitem").first()).toContainText(/\S/);
    await expect(step.getByText("Що ви побачите далі")).toBeVisible();
    await expect(step.getByText("Типові помилки")).toBeVisible();
    await expect(step.getByText("Що сказати клієнтові")).toBeVisible();
    if (n === 2) {
      // Stuck here: the help names the learner's curator, and the region's methodologists hear of it.
      await tabTo(page, step.getByRole("button", { name: "Я застряг на цьому кроці" }));
      await page.keyboard.press("Enter");
      await expect(step.getByText(`Напишіть або зателефонуйте своєму цифровому куратору: ${curator.name}.`)).toBeVisible();
      await expect(step.getByRole("status").last()).toHaveText("Ми передали методистам вашого регіону, що цей крок складний.");
    }
    if (n === 2 || n === 9) await expectAccessible();
  }

  await nextScreen(page);
  await expect(page.locator("#lesson-step-label")).toHaveText("Перевірте себе");
  const answered = await answerScreen(page);
  expect(answered).toBeGreaterThan(0);
  await expectAccessible();
  await nextScreen(page);
  await tabTo(page, page.getByRole("button", { name: "Завершити інструкцію" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Інструкцію пройдено?" }).getByRole("status")).toHaveText("Інструкцію зараховано.");
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "До всіх інструкцій" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("listitem").filter({ hasText: "Вхід у Дію і показ е-документів" })).toContainText("✓ пройдено");
});
