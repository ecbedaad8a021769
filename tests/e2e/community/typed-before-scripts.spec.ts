import { test, expect, uniqueSuffix, type Page } from "../fixtures/test";

/**
 * Pages are painted before their scripts arrive (decisions 038, 041): on a slow link a worker starts
 * typing before the form is live. What they typed, ticked and picked then is what the form sends
 * (decision 044). The page's scripts are held here until the typing is done.
 */
test.use({ serviceWorkers: "block" });

/** Holds every framework script until `release` is called; the page stays painted but inert. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const held: Array<() => Promise<void>> = [];
  let holding = true;
  await page.route("**/_next/static/chunks/**", (route) => {
    if (!holding) return route.continue();
    held.push(() => route.continue());
  });
  return async () => {
    holding = false;
    await Promise.all(held.splice(0).map((go) => go()));
  };
}

/** React has taken over the element: its fiber key is on the DOM node. */
const untilHydrated = (page: Page, selector: string) =>
  expect
    .poll(() => page.evaluate((s) => Object.keys(document.querySelector(s) ?? {}).some((key) => key.startsWith("__reactFiber")), selector), {
      timeout: 15_000,
    })
    .toBe(true);

test("a topic and a reply typed before the page's scripts ran are sent as typed", async ({ page, factory, signIn, expectAccessible }) => {
  test.setTimeout(120_000);
  const poltava = await factory.demoPlace("UA-53");
  await signIn(await factory.person({ roles: ["LEARNER"], place: poltava }));
  await page.goto("/community");
  await expectAccessible();
  await page.getByRole("link", { name: "Полтавська область" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Полтавська область" })).toBeVisible();
  await expectAccessible();
  const newTopic = page.url().replace(/\/?$/, "/new");

  // A new topic: a kind picked, a title and a text typed while the scripts are held.
  const title = `Як допомогти клієнтові змінити сімейного лікаря ${uniqueSuffix()}`;
  let release = await holdScripts(page);
  await page.goto(newTopic, { waitUntil: "domcontentloaded" });
  await page.getByLabel(/^Обговорення/).check();
  await page.getByLabel("Назва теми").fill(title);
  await page.getByLabel("Текст", { exact: true }).fill("Розкажу, як ми перевіряли декларацію в застосунку лікарні.");
  await release();
  await untilHydrated(page, "form");
  await expect(page.getByLabel("Назва теми")).toHaveValue(title);
  await expect(page.getByLabel(/^Обговорення/)).toBeChecked();
  await expectAccessible();
  await page.getByRole("button", { name: "Опублікувати" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Розкажу, як ми перевіряли декларацію")).toBeVisible();
  await expect(page.getByText("Обговорення", { exact: true }).first()).toBeVisible();
  const threadUrl = page.url();

  // A reply typed on the thread's page before its scripts ran.
  release = await holdScripts(page);
  await page.goto(threadUrl, { waitUntil: "domcontentloaded" });
  const reply = "Дякую! Ще варто взяти з собою паспорт на випадок, якщо онлайн не вийде.";
  await page.getByLabel("Ваша відповідь").fill(reply);
  await release();
  await untilHydrated(page, "form textarea");
  await expect(page.getByLabel("Ваша відповідь")).toHaveValue(reply);
  await expectAccessible();
  await page.getByRole("button", { name: "Відповісти" }).click();
  await expect(page.getByText(reply)).toBeVisible();
  await expect(page.getByLabel("Ваша відповідь")).toHaveValue("");
});
