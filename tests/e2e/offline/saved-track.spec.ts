import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { test, expect, signInThroughApi, untilServiceWorkerControls, type LearningRecord } from "../fixtures/test";

/*
 * Issue 13, "Done when": a learner saves a track (and a guide) for offline, loses the connection,
 * learns two lessons, a walkthrough and a review item from what the device kept, closes the browser
 * and opens it again with the same storage; a second learner who signs in there first sends nothing
 * of hers; when she comes back online the server holds each completion exactly once, dated when it
 * was done. The browser is a persistent one (its own profile folder), so a restart keeps Cache
 * Storage, IndexedDB and the service worker as a real restart does.
 */

const TRACK = "Безпека і захист даних";
const LESSONS = ["strong-passwords", "two-factor-sign-in"] as const;
const GUIDE = { id: "viber-closed-group", title: "Закрита група у Viber для клієнтів — безпечно з першого дня" };

async function openBrowser(dir: string, use: { baseURL?: string; launchOptions?: object }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, { ...use.launchOptions, baseURL: use.baseURL, locale: "uk-UA", timezoneId: "Europe/Kyiv" });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** Goes through the player's screens to its finish button and presses it. */
async function finish(page: Page, button: string) {
  while (!(await page.getByRole("button", { name: button }).isVisible())) {
    await page
      .getByRole("navigation", { name: "Кроки" })
      .getByRole("link", { name: /Далі|До завершення|Почати/ })
      .click();
  }
  await page.getByRole("button", { name: button }).click();
}

test("a track saved for offline is learned without a connection, across a browser restart, and reaches the server once, dated when it was done", async ({
  factory,
  expectAccessible,
}, testInfo) => {
  test.setTimeout(180_000);
  const use = testInfo.project.use;
  const dir = mkdtempSync(join(tmpdir(), "skh-offline-"));
  const learner = await factory.person({ roles: ["LEARNER"] });
  const colleague = await factory.person({ roles: ["LEARNER"] });
  await factory.dueReview(learner, { lessonId: "recognise-phishing", itemId: "bank-code" });

  try {
    let { context, page } = await openBrowser(dir, use);
    await signInThroughApi(context.request, learner);
    await page.goto("/lessons");
    await untilServiceWorkerControls(page);

    // Save the whole track: the size is shown before the download starts.
    const track = page.getByRole("region", { name: TRACK });
    const save = track.getByRole("button", { name: /^Зберегти увесь трек для офлайну \(≈ \d+(,\d+)? МБ\)$/ });
    await expect(save).toBeVisible();
    await save.click();
    await expect(track.getByText(/^Доступно офлайн на цьому пристрої \(\d+(,\d+)? МБ\)\.$/)).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page);

    // And a guide with its screens and printable handout.
    await page.goto(`/walkthroughs/${GUIDE.id}`);
    await page.getByRole("button", { name: /^Зберегти довідник і пам'ятку для офлайну/ }).click();
    await expect(page.getByText(/^Доступно офлайн на цьому пристрої/)).toBeVisible({ timeout: 60_000 });

    // The connection drops.
    await context.setOffline(true);
    const before = Date.now();
    expect(
      await page.evaluate(() =>
        fetch("/api/v1/health").then(
          () => "reached",
          () => "offline",
        ),
      ),
    ).toBe("offline");

    for (const id of LESSONS) {
      const response = await page.goto(`/lessons/${id}`);
      expect(response?.headers()["x-skh-stored-at"], `${id} comes from the device`).toBeTruthy();
      await finish(page, "Завершити урок");
      await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(/^Немає зв'язку — урок збережено на цьому пристрої/);
    }
    await expectAccessible(page);

    // The guide: its step screens come from the device too.
    await page.goto(`/walkthroughs/${GUIDE.id}`);
    await page.getByRole("navigation", { name: "Кроки" }).getByRole("link", { name: /Далі/ }).click();
    const screen = page.locator("section[data-step]:not([hidden])").getByRole("img").first();
    await expect(screen).toHaveJSProperty("complete", true);
    expect(await screen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await finish(page, "Завершити інструкцію");
    await expect(page.getByRole("region", { name: "Інструкцію пройдено?" }).getByRole("status")).toHaveText(/^Немає зв'язку — завершення збережено/);

    // The printable handout opens offline.
    await page.goto(`/walkthroughs/${GUIDE.id}/print`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(GUIDE.title);

    // The review item that was due.
    await page.goto("/review");
    const item = page.locator("fieldset[data-quiz-id]");
    await expect(item).toHaveCount(1);
    await item.getByRole("radio").or(item.getByRole("checkbox")).first().check();
    const check = item.getByRole("button", { name: "Перевірити" });
    if (await check.count()) await check.click();
    // The quiz's feedback works offline.
    await expect(item.getByRole("status")).toHaveText(/^(Так!|Не зовсім\.|Правильно|Ще не зовсім)/);
    await expect(page.getByText("Немає зв'язку — відповідь збережено на цьому пристрої", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Завершити повторення" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: /Офлайн · Чекають на надсилання: \d+/ })).toBeVisible();
    const after = Date.now();

    // Opened again from the device, the review does not ask the answered item a second time.
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 2, name: "Відповіді чекають на надсилання" })).toBeVisible();
    await expect(page.locator("fieldset[data-quiz-id]")).toHaveCount(0);
    await expectAccessible(page);

    // A page that was never opened or saved says so, and lists what the device has.
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "Немає з'єднання" })).toBeVisible();
    await expect(page.getByRole("link", { name: GUIDE.title })).toBeVisible();
    await expectAccessible(page);

    // The browser closes with everything still waiting; nothing reached the server.
    await context.close();
    expect((await factory.learningRecord(learner)).lessons.filter((l) => l.completedAt)).toEqual([]);

    // Reopened, online: a colleague signs in on this browser first and sends nothing of hers.
    ({ context, page } = await openBrowser(dir, use));
    await signInThroughApi(context.request, colleague);
    await page.goto("/today");
    await expect(page.locator("#outbox-indicator")).toHaveText("");
    await page.goto("/saved");
    await expect(page.getByText("Ви ще нічого не зберегли.", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: GUIDE.title })).toHaveCount(0);
    expect((await factory.learningRecord(learner)).lessons.filter((l) => l.completedAt)).toEqual([]);
    expect((await factory.learningRecord(colleague)).lessons).toEqual([]);

    // She signs in again: her changes go, each once.
    await signInThroughApi(context.request, learner);
    await page.goto("/today");
    // The header's outbox sends in the background: wait until the server holds all four, then until nothing waits.
    const arrived = async () => {
      const now = await factory.learningRecord(learner);
      const review = now.reviews.find((r) => r.lessonId === "recognise-phishing" && r.itemId === "bank-code");
      return [now.lessons.filter((l) => l.completedAt).length, now.walkthroughs.filter((w) => w.completedAt).length, review?.reps ?? 0];
    };
    await expect.poll(arrived, { timeout: 60_000 }).toEqual([2, 1, 2]);
    await expect(page.getByRole("banner").getByRole("link", { name: /Чекають на надсилання|Не прийнято/ })).toHaveCount(0, { timeout: 30_000 });
    await context.close();

    const record: LearningRecord = await factory.learningRecord(learner);
    const within = (at: string | null) => at !== null && Date.parse(at) >= before - 1000 && Date.parse(at) <= after + 1000;
    for (const id of LESSONS) {
      const done = record.lessons.filter((l) => l.lessonId === id);
      expect(done, id).toHaveLength(1);
      expect(within(done[0]!.completedAt), `${id} is dated when it was done`).toBe(true);
      expect(
        record.activity.filter((a) => a.kind === "lesson" && a.contentId === id),
        `${id} counted once`,
      ).toHaveLength(1);
    }
    const guide = record.walkthroughs.filter((w) => w.walkthroughId === GUIDE.id);
    expect(guide).toHaveLength(1);
    expect(within(guide[0]!.completedAt)).toBe(true);
    const review = record.reviews.find((r) => r.lessonId === "recognise-phishing" && r.itemId === "bank-code");
    expect(review?.reps).toBe(2);
    expect(within(review?.lastReview ?? null)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
