import { test, expect, signOut, untilServiceWorkerControls } from "../fixtures/test";

/*
 * What a device keeps belongs to one person (decision 036): a colleague on the same browser never
 * opens it, not even offline; signing out leaves nobody's pages open; in low-data mode a download
 * asks first with its size; what is saved can be removed and then no longer opens offline.
 */

const LESSON = { id: "shared-office-computer", title: "Спільний комп'ютер у кабінеті" };

test("a lesson saved by one worker opens offline for her alone, asks first in low-data mode, and is gone once removed", async ({
  page,
  context,
  factory,
  signIn,
  expectAccessible,
}) => {
  const owner = await factory.person({ roles: ["LEARNER"] });
  const colleague = await factory.person({ roles: ["LEARNER"] });

  // Low-data mode by the browser's Save-Data: the download asks first, with its size.
  await page.setExtraHTTPHeaders({ "Save-Data": "on" });
  await signIn(owner);
  await page.goto(`/lessons/${LESSON.id}`);
  await untilServiceWorkerControls(page);
  await page.getByRole("button", { name: /^Зберегти урок для офлайну \(≈ \d+,\d+ МБ\)$/ }).click();
  await expect(page.getByText(/^Увімкнено економію даних\. Завантажити ≈ \d+,\d+ МБ\?$/)).toBeVisible();
  await expectAccessible();
  await page.getByRole("button", { name: "Скасувати" }).click();
  await page.getByRole("button", { name: /^Зберегти урок для офлайну/ }).click();
  await page.getByRole("button", { name: "Завантажити" }).click();
  await expect(page.getByText(/^Доступно офлайн на цьому пристрої \(\d+,\d+ МБ\)\.$/)).toBeVisible({ timeout: 30_000 });

  await page.goto("/saved");
  await expect(page.getByRole("heading", { level: 1, name: "На цьому пристрої" })).toBeVisible();
  await expect(page.getByRole("link", { name: LESSON.title })).toBeVisible();
  await expect(page.getByText(/^\d+,\d+ МБ, сторінок і зображень: 1, збережено /)).toBeVisible();
  await expectAccessible();

  // She signs out: offline, nobody's pages open on this computer.
  await signOut(page);
  await expectAccessible();
  await context.setOffline(true);
  await page.goto(`/lessons/${LESSON.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Немає з'єднання" })).toBeVisible();
  await expect(page.getByText(/^На цьому пристрої зараз ніхто не ввійшов\./)).toBeVisible();
  await expect(page.getByRole("link", { name: LESSON.title })).toHaveCount(0);
  await expectAccessible();
  await context.setOffline(false);

  // A colleague signs in on the same browser: offline, the lesson is not hers to open.
  await signIn(colleague);
  await page.goto("/today");
  // She saves this week's plan (the lesson of the day and the next ones of its track) for herself.
  await page.getByRole("button", { name: /^Зберегти план тижня для офлайну \(≈ \d+,\d+ МБ\)$/ }).click();
  await page.getByRole("button", { name: "Завантажити" }).click();
  await expect(page.getByText(/^Доступно офлайн на цьому пристрої/)).toBeVisible({ timeout: 30_000 });
  await expectAccessible();
  await context.setOffline(true);
  await page.goto(`/lessons/${LESSON.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Немає з'єднання" })).toBeVisible();
  await expect(page.getByText(/^Цієї сторінки ще немає на цьому пристрої/)).toBeVisible();
  await expect(page.getByRole("link", { name: LESSON.title })).toHaveCount(0);
  const plan = await page.goto("/today");
  expect(plan?.headers()["x-skh-stored-at"]).toBeTruthy();
  await expect(page.getByRole("banner")).toContainText("Офлайн");
  await page.goto("/lessons/strong-passwords");
  await expect(page.getByRole("heading", { level: 1, name: "Надійний пароль, який легко запам'ятати" })).toBeVisible();
  await expectAccessible();
  await context.setOffline(false);
  await signOut(page);

  // The owner is back: her own copy opens offline.
  await signIn(owner);
  await page.goto("/today");
  await context.setOffline(true);
  const kept = await page.goto(`/lessons/${LESSON.id}`);
  expect(kept?.headers()["x-skh-stored-at"]).toBeTruthy();
  await expect(page.getByRole("heading", { level: 1, name: LESSON.title })).toBeVisible();
  await expect(page.locator("header[data-app-header]")).toHaveAttribute("data-user-id", owner.id);
  await context.setOffline(false);

  // Removed from the device, it no longer opens offline.
  await page.goto("/saved");
  await page.getByRole("button", { name: `Видалити «${LESSON.title}»` }).click();
  await expect(page.getByText("Ви ще нічого не зберегли.", { exact: false })).toBeVisible();
  await context.setOffline(true);
  await page.goto(`/lessons/${LESSON.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Немає з'єднання" })).toBeVisible();
  await context.setOffline(false);
});

test("a forum thread read online opens again without a connection", async ({ page, context, factory, signIn, expectAccessible }) => {
  const reader = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") });
  await signIn(reader);
  await page.goto("/community");
  await untilServiceWorkerControls(page);
  await expectAccessible();
  await page.getByRole("link", { name: "Полтавська область" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Полтавська область" })).toBeVisible();
  await expectAccessible();
  await page.locator('main a[href^="/community/t/"]').first().click();
  const heading = page.getByRole("heading", { level: 1 });
  const title = (await heading.innerText()).trim();
  expect(title.length).toBeGreaterThan(5);
  const address = page.url();

  await context.setOffline(true);
  const kept = await page.goto(address);
  expect(kept?.headers()["x-skh-stored-at"]).toBeTruthy();
  await expect(heading).toHaveText(title);
  await expect(page.getByRole("banner")).toContainText("Офлайн");
  await expectAccessible();
  await context.setOffline(false);
});
