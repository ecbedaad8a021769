import { test, expect, tabTo, uniqueSuffix, type Page, type Person } from "../fixtures/test";

/** Drafts that survive a dropped connection, and quoting a post with the keyboard (decision 025). */

/** Starts a thread in Poltava's region space through the API, as the signed-in person (the page is on the app). */
async function startThread(page: Page, title: string, body: string): Promise<string> {
  const spaces = (await (await page.request.get("/api/v1/community/spaces")).json()) as { spaces: { slug: string; name: string }[] };
  const region = spaces.spaces.find((s) => s.name === "Полтавська область")!;
  const created = await page.request.post(`/api/v1/community/spaces/${region.slug}/threads`, {
    data: { kind: "QUESTION", title, body },
    headers: { origin: new URL(page.url()).origin, "idempotency-key": `e2e-${uniqueSuffix()}-thread` },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("skh:draft:")));

test("a long reply typed on a weak connection is kept on the device, comes back in a new page, and goes once published", async ({
  page,
  context,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const poltava = await factory.demoPlace("UA-53");
  const learner = await factory.person({ roles: ["LEARNER"], place: poltava });
  await signIn(learner);
  await page.goto("/community");
  await expectAccessible();
  const threadId = await startThread(page, `Як пояснити клієнтці вхід через BankID ${uniqueSuffix()}`, "Клієнтка боїться натиснути щось не те. Як пояснити?");

  await page.goto(`/community/t/${threadId}`);
  const reply = page.getByLabel("Ваша відповідь");
  await expect(reply).toBeVisible();
  await expectAccessible();
  const online = "Спершу покажіть на своєму телефоні, куди натискати, і не поспішайте. ".repeat(12);
  await reply.fill(online);
  const status = page.getByRole("status").filter({ hasText: /Чернетку збережено о \d{2}:\d{2}/ });
  await expect(status).toBeVisible();

  await context.setOffline(true);
  const offline = "Потім хай клієнтка зробить те саме сама, а ви лише підказуйте.";
  await reply.press("End");
  await reply.pressSequentially(offline);
  await expect(page.getByRole("status").filter({ hasText: /Збережено на цьому пристрої \(немає з’єднання\) о \d{2}:\d{2}/ })).toBeVisible();
  await expectAccessible();
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`/community/t/${threadId}`);
  await expect(again.getByLabel("Ваша відповідь")).toHaveValue(online + offline);
  await expect(again.getByRole("status").filter({ hasText: /Відновлено вашу чернетку/ })).toBeVisible();
  await expectAccessible(again);
  // The text written offline reaches the server once the connection is back.
  await expect
    .poll(
      async () =>
        ((await (await again.request.get(`/api/v1/community/drafts/reply/${threadId}`)).json()) as { draft: { content: { body: string } } | null }).draft
          ?.content.body,
    )
    .toBe(online + offline);

  await again.getByRole("button", { name: "Відповісти", exact: true }).click();
  await expect(again.getByRole("article").filter({ hasText: "Потім хай клієнтка зробить те саме сама" })).toBeVisible();
  await expect(again.getByLabel("Ваша відповідь")).toHaveValue("");
  expect(await draftKeys(again)).toEqual([]);
  expect(((await (await again.request.get(`/api/v1/community/drafts/reply/${threadId}`)).json()) as { draft: unknown }).draft).toBeNull();
  await again.reload();
  await expect(again.getByLabel("Ваша відповідь")).toHaveValue("");
  await expectAccessible(again);
});

test("a reader quotes a colleague's post with the keyboard alone; the reply shows the quotation and who wrote it", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(90_000);
  const poltava = await factory.demoPlace("UA-53");
  const asker: Person = await factory.person({ roles: ["LEARNER"], place: poltava });
  const reader = await factory.person({ roles: ["LEARNER"], place: poltava });
  await signIn(asker);
  await page.goto("/community");
  await expectAccessible();
  const threadId = await startThread(page, `Куди зберігати паролі клієнтів? ${uniqueSuffix()}`, "Ніколи не записуйте паролі клієнтів у зошит.");

  await signIn(reader);
  await page.goto(`/community/t/${threadId}`);
  await expectAccessible();
  await tabTo(page, page.getByRole("button", { name: `Цитувати допис: ${asker.name}` }));
  await page.keyboard.press("Enter");
  const reply = page.getByLabel("Ваша відповідь");
  await expect(reply).toBeFocused();
  await expect(reply).toHaveValue(/^> \[quote:[A-Za-z0-9_-]+\]\n> Ніколи не записуйте паролі клієнтів у зошит\.\n\n$/);
  await page.keyboard.type("Згодна: тільки менеджер паролів.");
  await tabTo(page, page.getByRole("button", { name: "Відповісти", exact: true }));
  await page.keyboard.press("Enter");

  const quoted = page.locator("article blockquote.quote");
  await expect(quoted).toContainText("Ніколи не записуйте паролі клієнтів у зошит.");
  await expect(quoted.locator(".quote-source")).toContainText("Цитата з допису");
  await expect(quoted.getByRole("link", { name: asker.name })).toHaveAttribute("href", new RegExp(`/community/t/${threadId}#post-`));
  await expect(page.getByText("Згодна: тільки менеджер паролів.")).toBeVisible();
  await expectAccessible();
});

test("a person picks a handle on the profile, and a colleague's @mention of it shows their name and notifies them", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(90_000);
  const poltava = await factory.demoPlace("UA-53");
  const named = await factory.person({ roles: ["LEARNER"], place: poltava });
  const colleague = await factory.person({ roles: ["LEARNER"], place: poltava });
  const handle = `kolega.${uniqueSuffix()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);

  await signIn(named);
  await page.goto("/profile");
  await expectAccessible();
  await page.getByLabel("Ваш нік").fill("bad handle");
  await page.getByRole("button", { name: "Зберегти нік" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Нік — від 3 до 30" })).toBeVisible();
  await page.getByLabel("Ваш нік").fill(`@${handle}`);
  await page.getByRole("button", { name: "Зберегти нік" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Нік збережено: @${handle}` })).toBeVisible();
  await expectAccessible();

  await signIn(colleague);
  await page.goto("/community");
  await expectAccessible();
  const threadId = await startThread(page, `Хто знає про ЦНАП онлайн? ${uniqueSuffix()}`, `Питання до @${handle}: як записати клієнта?`);
  await page.goto(`/community/t/${threadId}`);
  await expect(page.locator("article .mention")).toHaveText(`@${named.name}`);
  await expectAccessible();

  await signIn(named);
  await page.goto("/notifications");
  await expect(page.getByText(`${colleague.name} згадує вас`).first()).toBeVisible();
  await expectAccessible();
});
