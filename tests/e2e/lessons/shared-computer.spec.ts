import { test, expect, type Factory, type Page, type Person } from "../fixtures/test";

/** Goes to the lesson's last screen (the finish button) with the player's own links. */
async function toFinish(page: Page, lessonId: string) {
  await page.goto(`/lessons/${lessonId}`);
  await expect(page.locator("#lesson-step-label")).toHaveText(/^Крок 1 з \d+/);
  while (!(await page.getByRole("button", { name: "Завершити урок" }).isVisible())) {
    await page
      .getByRole("navigation", { name: "Кроки" })
      .getByRole("link", { name: /Далі|До завершення/ })
      .click();
  }
}

/** The lessons the server holds as finished for a person (a place reached is kept too, unfinished). */
async function finished(factory: Factory, person: Person) {
  return (await factory.lessonProgress(person)).filter((p) => p.completedAt !== null);
}

test("a lesson finished offline on a shared computer is sent for its learner only, once, dated when it was done; a refused write is shown", async ({
  page,
  context,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const olena = await factory.person({ roles: ["LEARNER"] });
  const serhii = await factory.person({ roles: ["LEARNER"] });

  // Olena finishes a lesson with the connection down; it waits on the device as hers.
  await signIn(olena);
  await toFinish(page, "two-factor-sign-in");
  await context.setOffline(true);
  const finishedAt = Date.now();
  await page.getByRole("button", { name: "Завершити урок" }).click();
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(/^Немає зв'язку — урок збережено на цьому пристрої/);
  await expect(page.getByRole("banner").getByRole("link", { name: /Офлайн · Чекають на надсилання: 1/ })).toBeVisible();
  await expectAccessible();

  // She leaves without coming back online (the session ends with the browser); Serhii signs in on
  // the same browser when the connection is back: nothing of hers goes under his name.
  await context.clearCookies();
  await context.setOffline(false);
  await signIn(serhii);
  await page.goto("/today");
  await expect(page.locator("#outbox-indicator")).toHaveText("");
  await expectAccessible();
  await page.goto("/outbox");
  await expect(page.getByText("Усе надіслано: на цьому пристрої немає ваших змін, що чекають.")).toBeVisible();
  await expectAccessible();
  expect(await factory.lessonProgress(serhii)).toEqual([]);
  expect(await finished(factory, olena)).toEqual([]);

  // Olena signs in again: her lesson is sent, once, counted when she did it.
  await signIn(olena);
  await page.goto("/today");
  await expect.poll(async () => (await finished(factory, olena)).length).toBe(1);
  const [done] = await finished(factory, olena);
  expect(done!.lessonId).toBe("two-factor-sign-in");
  expect(Math.abs(Date.parse(done!.completedAt!) - finishedAt)).toBeLessThan(60_000);
  await page.reload();
  await expect(page.locator("#outbox-indicator")).toHaveText("");
  await expectAccessible();
  expect(await factory.lessonProgress(serhii)).toEqual([]);

  // A queued write the server refuses stays, with its reason, until she discards it; signing out with it asks first.
  await toFinish(page, "strong-passwords");
  await expectAccessible();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Завершити урок" }).click();
  await expect(page.getByRole("region", { name: "Урок прочитано?" }).getByRole("status")).toHaveText(/^Немає зв'язку/);
  await page.route("**/api/v1/lessons/strong-passwords/completion", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "unprocessable", message: "Цей урок змінено: пройдіть його ще раз." } }),
    }),
  );
  await context.setOffline(false);
  const indicator = page.getByRole("banner").getByRole("link", { name: /Не прийнято: 1/ });
  await expect(indicator).toBeVisible();
  await indicator.click();
  await expect(page.getByText("Цей урок змінено: пройдіть його ще раз.")).toBeVisible();
  await expect(page.getByText("Завершено урок «Надійний пароль, який легко запам'ятати»")).toBeVisible();
  await expectAccessible();

  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Вийти" }).click();
  await expect.poll(() => asked).toContain("ненадіслані зміни (1)");
  await expect(page).toHaveURL(/\/outbox$/);

  await page.getByRole("button", { name: "Видалити" }).click();
  await expect(page.getByText("Усе надіслано: на цьому пристрої немає ваших змін, що чекають.")).toBeVisible();
  expect((await finished(factory, olena)).map((p) => p.lessonId)).toEqual(["two-factor-sign-in"]);
});
