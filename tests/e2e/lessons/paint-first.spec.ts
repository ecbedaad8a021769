import { test, expect } from "../fixtures/test";
import { answerScreen, nextScreen, visibleItems } from "../fixtures/lesson";

// Decision 038: the page's text is painted before any of the framework's scripts is fetched, and
// the page still becomes interactive once they run.
test("a lesson is painted before its scripts are fetched, then its quiz works", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/lessons/strong-passwords");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The answer comes from the page itself: Chromium's paint timing and resource timing.
  // The loader adds the scripts one after another: wait until the page has fetched more than two.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.includes("/_next/static/chunks/")).length))
    .toBeGreaterThan(2);
  const timing = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType("resource")
      .filter((r) => r.name.includes("/_next/static/chunks/"))
      .map((r) => ({ name: r.name.split("/").pop(), start: r.startTime })),
  }));
  expect(timing.firstPaint).not.toBeNull();
  expect(timing.scripts.length).toBeGreaterThan(2);
  for (const script of timing.scripts) expect(script.start, `${script.name} fetched before the first paint`).toBeGreaterThanOrEqual(timing.firstPaint!);

  // Hydrated: the player moves screen by screen and a quiz gives its feedback.
  while ((await visibleItems(page).count()) === 0) await nextScreen(page);
  const quiz = visibleItems(page).first();
  await answerScreen(page);
  await expect(quiz.getByRole("status")).not.toHaveText("");
  await expectAccessible();
});
