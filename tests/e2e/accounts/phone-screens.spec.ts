import { test, expect, tabTo, type Page } from "../fixtures/test";

/**
 * On a 320–390 px phone every page fits the screen's width, the header is one line with «Меню»
 * (decision 045) and the page's own heading is on the first screen. The menu works by keyboard and
 * without the page's scripts.
 */
// The last journey takes the page's scripts away, which a service worker would serve from its cache.
test.use({ serviceWorkers: "block" });

const PAGES = [
  "/today",
  "/lessons",
  "/lessons/strong-passwords",
  "/review",
  "/walkthroughs",
  "/walkthroughs/diia-sign-in",
  "/progress",
  "/competences",
  "/community",
  "/workshops",
  "/methodology",
  "/notifications",
  "/profile",
  "/profile/security",
  "/profile/my-data",
  "/saved",
  "/outbox",
  "/authoring",
  "/curator",
  "/reports",
  "/admin",
  "/admin/users",
  "/admin/audit",
];

async function checkFits(page: Page, path: string, width: number) {
  await page.goto(path);
  await page.waitForLoadState("load");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  const header = (await page.locator("header[data-app-header]").boundingBox())!;
  expect(header.height, `${path} at ${width} px: the header's height`).toBeLessThanOrEqual(80);
  const top = (await heading.boundingBox())!;
  expect(top.y + Math.min(top.height, 40), `${path} at ${width} px: the heading below the first screen`).toBeLessThan(640);
}

test("every page fits a 320 px and a 390 px phone, under a one-line header", async ({ page, factory, signIn, expectAccessible }) => {
  test.setTimeout(240_000);
  const place = await factory.demoPlace("UA-53");
  await signIn(await factory.person({ roles: ["LEARNER", "CURATOR", "METHODOLOGIST", "ADMIN"], place }));
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 640 });
    for (const path of PAGES) {
      await checkFits(page, path, width);
      // axe once per page, on the narrowest screen.
      if (width === 320) await expectAccessible();
    }
  }
});

test("the phone's menu opens by keyboard, lists the person's pages and signs out", async ({ page, factory, signIn, expectAccessible }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const place = await factory.demoPlace("UA-53");
  await signIn(await factory.person({ roles: ["LEARNER", "CURATOR"], place }));
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  // Folded: the links are not shown (nor read out) until the menu opens.
  await expect(page.getByRole("link", { name: "Уроки", exact: true })).toBeHidden();
  const menu = page.getByText("Меню", { exact: true });
  await tabTo(page, page.locator("header summary"));
  await page.keyboard.press("Enter");
  const nav = page.getByRole("navigation", { name: "Основна навігація" });
  await expect(nav.getByRole("link", { name: "Уроки", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Мої підопічні" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Адміністрування" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Вийти" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, nav.getByRole("link", { name: "Уроки", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Уроки" })).toBeVisible();
  await expect(menu).toBeVisible();
  await expectAccessible();

  // Without the page's scripts the menu is the same disclosure and signing out is a plain form.
  await page.context().route("**/_next/static/chunks/**", (route) => route.abort());
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible();
  await page.locator("header summary").click();
  await page.getByRole("button", { name: "Вийти" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible();
});
