import { test, expect, tabTo, type Page } from "../fixtures/test";
import type { Locator } from "@playwright/test";

type Box = { x: number; y: number; width: number; height: number };

/** The numbered badges over a picture, and the picture, once it has loaded. */
async function badgesOver(page: Page, scope: Locator): Promise<{ picture: Box; badges: Box[] }> {
  const picture = scope.locator("img").first();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(scope.locator(".guide-marks").first()).toHaveAttribute("aria-hidden", "true");
  const badges = await scope.locator(".guide-mark-badge").evaluateAll((circles) => circles.map((c) => c.getBoundingClientRect().toJSON() as Box));
  return { picture: (await picture.boundingBox())!, badges };
}

/** No badge on another, every badge on the picture, and big enough for its number to read (58 % of the badge: 11 px and more). */
function expectBadgesApartAndReadable({ picture, badges }: { picture: Box; badges: Box[] }, where: string) {
  expect(badges.length, where).toBeGreaterThan(0);
  badges.forEach((a, i) => {
    expect(a.width, `${where}: badge ${i + 1} is ${a.width} px`).toBeGreaterThanOrEqual(19);
    expect(a.x, where).toBeGreaterThanOrEqual(picture.x - 1);
    expect(a.y, where).toBeGreaterThanOrEqual(picture.y - 1);
    expect(a.x + a.width, where).toBeLessThanOrEqual(picture.x + picture.width + 1);
    expect(a.y + a.height, where).toBeLessThanOrEqual(picture.y + picture.height + 1);
    badges.slice(i + 1).forEach((b, j) => {
      const apart = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
      expect(apart, `${where}: badges ${i + 1} and ${i + j + 2} overlap`).toBeGreaterThanOrEqual((a.width + b.width) / 2 - 0.5);
    });
  });
}

test.describe("a guide's marks on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("every step's badges stay apart, on the picture and readable, for a phone guide and a web guide", async ({ page, factory, signIn }) => {
    test.setTimeout(120_000);
    await signIn(await factory.person({ roles: ["LEARNER"] }));
    for (const [guide, steps] of [
      ["diia-sign-in", 8],
      ["google-forms-survey", 9],
    ] as const) {
      for (let n = 1; n <= steps; n++) {
        // The player's screens: the opening is ?step=1, so a guide's step n is ?step=n+1.
        await page.goto(`/walkthroughs/${guide}?step=${n + 1}`);
        await expect(page.locator("#lesson-step-label")).toHaveText(new RegExp(`^Крок ${n} з ${steps}: `));
        const step = page.locator("section[data-step]:not([hidden])");
        expectBadgesApartAndReadable(await badgesOver(page, step), `${guide}, step ${n}`);
      }
    }
  });

  test("'Enlarge picture' opens the step's screen with its marks at full size, and leads back, by keyboard and without script", async ({
    page,
    factory,
    signIn,
    expectAccessible,
  }) => {
    await signIn(await factory.person({ roles: ["LEARNER"] }));
    await page.goto("/walkthroughs/diia-sign-in?step=8");
    const label = page.locator("#lesson-step-label");
    await expect(label).toHaveText(/^Крок 7 з 8: /);
    const step = page.locator("section[data-step]:not([hidden])");
    const inPlayer = await badgesOver(page, step);
    await expectAccessible();

    await tabTo(page, step.getByRole("link", { name: "Збільшити малюнок" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/walkthroughs\/diia-sign-in\/screens#screen-share-copy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Екрани крупно: /);
    const enlarged = page.locator("#screen-share-copy");
    await expect(enlarged.getByRole("heading", { level: 2 })).toHaveText(/^Крок 7 з 8: /);
    await expect(enlarged.getByRole("img")).toHaveAttribute("alt", /.{10,}/);
    await expect(enlarged.getByRole("list", { name: "Позначки на екрані" }).getByRole("listitem")).toHaveCount(inPlayer.badges.length);
    const full = await badgesOver(page, enlarged);
    expectBadgesApartAndReadable(full, "enlarged");
    // Larger than in the player, marks included: they scale with the picture.
    expect(full.picture.width).toBeGreaterThan(inPlayer.picture.width);
    expect(full.badges[0]!.width).toBeGreaterThan(inPlayer.badges[0]!.width);
    await expectAccessible();

    // A web page's screen keeps its own width and scrolls sideways, from the keyboard too.
    const web = page.getByRole("region", { name: /^Екран кроку 1: прокручується вбік$/ });
    await page.goto("/walkthroughs/google-forms-survey/screens");
    await expect(web).toHaveAttribute("tabindex", "0");
    expect(await web.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await web.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => web.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible();

    await page.goto("/walkthroughs/diia-sign-in/screens#screen-share-copy");
    await tabTo(page, enlarged.getByRole("link", { name: "Повернутися до кроку 7" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/walkthroughs\/diia-sign-in\?step=8$/);
    await expect(label).toHaveText(/^Крок 7 з 8: /);
  });

  test("without JavaScript, the link and the enlarged screens are plain pages", async ({ page, browser, factory, signIn }) => {
    await signIn(await factory.person({ roles: ["LEARNER"] }));
    await page.goto("/walkthroughs");
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
      viewport: { width: 390, height: 844 },
    });
    const noScript = await context.newPage();
    await noScript.goto(new URL("/walkthroughs/diia-sign-in?step=8", page.url()).href);
    await noScript.getByRole("link", { name: "Збільшити малюнок" }).click();
    await expect(noScript).toHaveURL(/\/walkthroughs\/diia-sign-in\/screens#screen-share-copy$/);
    expectBadgesApartAndReadable(await badgesOver(noScript, noScript.locator("#screen-share-copy")), "enlarged, no script");
    await context.close();
  });
});
