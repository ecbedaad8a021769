import { test, expect, uniqueSuffix } from "../fixtures/test";

test("search: other word forms match, filters by space and kind narrow the results (also without JavaScript), the match is marked", async ({
  page,
  browser,
  factory,
  signIn,
  expectAccessible,
}) => {
  const learner = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") });
  await signIn(learner);
  // A made-up word of Cyrillic letters, so no other thread matches it.
  const LETTERS = "абвгдежзиклмнопрстуфхцчшщюя";
  const word = `сх${[...uniqueSuffix()].map((c) => LETTERS[Number.parseInt(c, 36) % LETTERS.length]).join("")}ка`;
  const origin = new URL(test.info().project.use.baseURL ?? "http://localhost:3100").origin;
  const create = async (kind: "QUESTION" | "DISCUSSION", title: string, body: string) => {
    const res = await page.request.post("/api/v1/community/spaces/region-poltava/threads", {
      headers: { origin, "idempotency-key": `search-${uniqueSuffix()}` },
      data: { kind, title, body },
    });
    expect(res.status()).toBe(201);
  };
  await create("QUESTION", `Питання про ${word}у`, `Де взяти довідку, коли ${word}а не працює?`);
  await create("DISCUSSION", `Обговорення: ${word}и`, `Ділюся досвідом: ${word}ою користуюсь щодня.`);

  await page.goto("/community/search");
  await expectAccessible();
  await page.getByLabel("Що шукаєте").fill(word);
  await page.getByRole("button", { name: "Шукати" }).click();
  const results = page.getByRole("region", { name: /Знайдено/ });
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.locator("mark").first()).toContainText(word);
  await expectAccessible();

  await page.getByLabel("Простір").selectOption({ label: "Полтавська область" });
  await page.getByLabel("Тип теми").selectOption({ label: "Питання" });
  await page.getByRole("button", { name: "Шукати" }).click();
  await expect(page).toHaveURL(/kind=QUESTION/);
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByRole("link", { name: `Питання про ${word}у` })).toBeVisible();
  await expect(page.getByLabel("Тип теми")).toHaveValue("QUESTION");
  await expectAccessible();

  // The same form with JavaScript off: a plain GET form (axe needs scripts, so this page is not scanned).
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
  await noScript.addCookies(await page.context().cookies());
  const plain = await noScript.newPage();
  await plain.goto(`/community/search?q=${encodeURIComponent(word)}`);
  await plain.getByLabel("Тип теми").selectOption({ label: "Обговорення" });
  await plain.getByRole("button", { name: "Шукати" }).click();
  await expect(plain).toHaveURL(/kind=DISCUSSION/);
  await expect(plain.getByRole("region", { name: /Знайдено/ }).getByRole("listitem")).toHaveCount(1);
  await expect(plain.getByRole("link", { name: `Обговорення: ${word}и` })).toBeVisible();
  await noScript.close();

  // A result opens the page of the thread that holds the post.
  await results.getByRole("link", { name: `Питання про ${word}у` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Питання про ${word}у` })).toBeVisible();
  await expectAccessible();
});
