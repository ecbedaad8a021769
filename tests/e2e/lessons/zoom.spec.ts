import { test, expect } from "../fixtures/test";

test("a learner's pages reflow at 200 % zoom without sideways scrolling", async ({ page, factory, signIn, expectAccessible }) => {
  // 200 % zoom of a 1280 px window is a 640 CSS px viewport.
  await page.setViewportSize({ width: 640, height: 720 });
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  for (const path of ["/today", "/lessons", "/lessons/strong-passwords", "/progress", "/review"]) {
    if (new URL(page.url()).pathname !== path) await page.goto(path);
    await page.waitForLoadState("load");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    // Links styled as buttons keep their own text colour (element styles must not override it).
    const unreadable = await page
      .locator("a.btn, a.btn-secondary")
      .evaluateAll((links) => links.filter((a) => getComputedStyle(a).color === getComputedStyle(a).backgroundColor).map((a) => a.textContent));
    expect(unreadable, `${path}: button-like links with text the colour of their background`).toEqual([]);
    await expectAccessible();
  }
});
