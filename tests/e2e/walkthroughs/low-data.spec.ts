import { test, expect } from "../fixtures/test";
import { nextScreen } from "../fixtures/lesson";

test("with Save-Data a guide's screens load only when tapped, and a learner can switch low-data mode off or on in the profile", async ({
  browser,
  factory,
  signIn,
  expectAccessible,
}) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  const context = await browser.newContext({ extraHTTPHeaders: { "Save-Data": "on" } });
  const page = await context.newPage();
  const screens: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/walkthrough-media/")) screens.push(request.url());
  });
  await signIn(learner, page);

  await page.goto("/walkthroughs/diia-sign-in");
  await nextScreen(page);
  const step = page.locator("section[data-step]:not([hidden])");
  const show = step.getByText("Показати екран", { exact: true });
  await expect(show).toBeVisible();
  // The legend of the marks reads without the picture.
  await expect(step.getByRole("list", { name: "Позначки на екрані" }).getByRole("listitem").first()).toContainText(/\S/);
  await page.waitForLoadState("networkidle");
  expect(screens).toEqual([]);
  await expectAccessible(page);

  await show.click();
  const screen = step.getByRole("img").first();
  await expect.poll(() => screen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(screens).toHaveLength(1);

  // Her choice wins over the browser's: off shows screens at once, even with Save-Data.
  await page.goto("/profile");
  const setting = page.locator("section", { has: page.getByRole("heading", { name: "Режим економії трафіку" }) });
  await setting.getByRole("radio", { name: "Вимкнено" }).check();
  await setting.getByRole("button", { name: "Зберегти" }).click();
  await expect(page).toHaveURL(/\/profile\?saved=low-data/);
  await expect(page.getByRole("radio", { name: "Вимкнено" })).toBeChecked();
  await expectAccessible(page);
  await page.goto("/walkthroughs/diia-sign-in");
  await nextScreen(page);
  await expect(page.locator("section[data-step]:not([hidden])").getByText("Показати екран", { exact: true })).toHaveCount(0);
  await expect(page.locator("section[data-step]:not([hidden])").getByRole("img").first()).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
