import { test, expect } from "../fixtures/test";

test("the community's pages fit a 320 px screen without sideways scrolling", async ({ page, factory, signIn, expectAccessible }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") }));
  await page.goto("/community/region-poltava");
  // A seeded question with its accepted answer and a lesson card: only read here.
  const threadPath = (await page.getByRole("link", { name: "Літній клієнт не може увійти в Дію: код не приходить" }).getAttribute("href"))!;
  for (const path of ["/community", "/community/region-poltava", "/community/region-poltava/new", threadPath, "/community/search?q=Дія"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible();
  }
});
