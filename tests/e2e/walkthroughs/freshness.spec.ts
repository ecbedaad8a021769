import { test, expect, signOut, tabTo } from "../fixtures/test";
import { nextScreen } from "../fixtures/lesson";

test("a learner reports a changed screen; the region's methodologist sees it, marks the guide verified and learners see who verified it", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // A region of the test's own, so its queue holds only this report; the guide starts unverified.
  const learner = await factory.person({ roles: ["LEARNER"] });
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  await factory.clearWalkthroughVerifications("zoom-call-elderly-client");
  await signIn(learner);
  await page.goto("/walkthroughs/zoom-call-elderly-client");
  await expect(page.getByText(/^Ще не перевірено методистом/)).toBeVisible();
  await nextScreen(page);
  const step = page.locator("section[data-step]:not([hidden])");
  const stepTitle = (await page.locator("#lesson-step-label").innerText()).replace(/^Крок \d+ з \d+: /, "");

  await tabTo(page, step.getByRole("button", { name: "Екран виглядає інакше" }));
  await page.keyboard.press("Enter");
  const comment = step.getByLabel("Що змінилося на екрані? (необов'язково)");
  await tabTo(page, comment);
  await page.keyboard.type("Клієнтка Олена, тел. 050 111 22 33, не бачить кнопки");
  await tabTo(page, step.getByRole("button", { name: "Повідомити методистів" }));
  await page.keyboard.press("Enter");
  await expect(step.getByRole("alert")).toContainText("персональні дані");
  await expectAccessible();
  await comment.fill("");
  await tabTo(page, comment);
  await page.keyboard.type("Кнопка розкладу тепер у боковому меню");
  await tabTo(page, step.getByRole("button", { name: "Повідомити методистів" }));
  await page.keyboard.press("Enter");
  await expect(step.getByRole("status").last()).toHaveText("Дякуємо! Методисти вашого регіону перевірять цей крок.");

  await signOut(page);
  await expectAccessible();
  await signIn(methodologist);
  await page.goto("/walkthroughs");
  await expect(page.getByRole("heading", { level: 1, name: "Покрокові інструкції" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Черга перевірки інструкцій" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Черга перевірки інструкцій" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: stepTitle });
  await expect(row).toContainText("Кнопка розкладу тепер у боковому меню");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  // Learners' reports come first, each linked to its step; the guides due for a check follow.
  const sections = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(sections.findIndex((h) => h === "Звернення слухачів")).toBeLessThan(sections.findIndex((h) => h.startsWith("Потребують перевірки")));
  await expect(row.getByRole("link", { name: stepTitle })).toHaveAttribute("href", /^\/walkthroughs\/zoom-call-elderly-client\?step=\d+$/);
  await expectAccessible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Zoom-розмова з літнім клієнтом — спокійно і безпечно" }) });
  await tabTo(page, card.getByRole("textbox"));
  await page.keyboard.type("Пройдено з Zoom 6.x на ноутбуці центру");
  await tabTo(page, card.getByRole("button", { name: "Позначити перевіреною сьогодні" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Zoom-розмова з літнім клієнтом — спокійно і безпечно" })).toHaveCount(0);
  // Verifying closed the region's "looks different" reports on that guide.
  await expect(page.getByRole("row").filter({ hasText: stepTitle })).toHaveCount(0);
  await expectAccessible();

  await page.goto("/walkthroughs/zoom-call-elderly-client");
  await expect(page.getByText(new RegExp(`^Перевірено \\d+ \\S+ \\d{4} р?\\.?: ${methodologist.name}, .*методист`, "i"))).toBeVisible();
  await expectAccessible();
});
