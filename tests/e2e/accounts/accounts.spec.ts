import { generateSync } from "otplib";
import { test, expect, signInWithKeyboard, tabTo, uniqueSuffix } from "../fixtures/test";

test("a learner signs in with the keyboard and lands on Today", async ({ page, factory, expectAccessible }) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  await page.goto("/");
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Увійти до платформи" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible();

  await signInWithKeyboard(page, learner.email, "wrong-password");
  await expect(page.locator("main").getByRole("alert")).toContainText("Неправильна електронна пошта або пароль");

  await page.getByLabel("Пароль").fill("");
  await signInWithKeyboard(page, learner.email, learner.password);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { level: 1, name: "Сьогодні" })).toBeVisible();
  await expectAccessible();
  await page.goto("/profile");
  await expect(page.getByText(learner.email)).toBeVisible();
  await expectAccessible();
});

test("a curator and a methodologist each land on their own start after signing in", async ({ browser, factory, expectAccessible }) => {
  for (const [roles, path, heading] of [
    [["LEARNER", "CURATOR"], /\/curator$/, "Мої підопічні"],
    [["METHODOLOGIST"], /\/reports\?scope=region&id=/, /^Звіт про цифрові компетентності/],
  ] as const) {
    const person = await factory.person({ roles: [...roles] });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await signInWithKeyboard(page, person.email, person.password);
    if (person.totpSecret) {
      // A methodologist has a second factor (decision 052): the code from the app comes next.
      await expect(page.getByRole("heading", { level: 1, name: "Підтвердіть вхід" })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("Шестизначний код").fill(generateSync({ secret: person.totpSecret }));
      await page.keyboard.press("Enter");
    }
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
    await context.close();
  }
});

// Signing in with ?next= goes on to the page asked for, even one the person may not open.
test("a learner who opens an admin page gets the 403 page", async ({ page, factory, expectAccessible }) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  await page.goto("/sign-in?next=/admin/users");
  await expectAccessible();
  await signInWithKeyboard(page, learner.email, learner.password);
  await expect(page.getByRole("heading", { name: "Доступ заборонено" })).toBeVisible();
  await expectAccessible();
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("зверніться до методиста вашого регіону")).toBeVisible();
  await expect(page.getByRole("link", { name: "Адміністрування" })).toHaveCount(0);
  await expectAccessible();
});

test("an admin invites a person, who sets a password from the outbox link and signs in", async ({ page, browser, factory, signIn, expectAccessible }) => {
  const admin = await factory.person({ roles: ["ADMIN"] });
  const invitee = { name: `Ірина Савчук ${uniqueSuffix()}`, email: `iryna.savchuk.${uniqueSuffix()}@example.org` };
  await signIn(admin);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/profile$/);
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "Адміністрування" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Адміністрування" })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "Запрошення" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Запросити людину" })).toBeVisible();
  await expectAccessible();

  // Submitting the empty form shows field errors, and nothing is lost or sent.
  await tabTo(page, page.getByRole("button", { name: "Надіслати запрошення" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main").getByRole("alert")).toContainText("Перевірте форму");
  await expectAccessible();

  await tabTo(page, page.getByLabel("Ім'я та прізвище"));
  await page.keyboard.type(invitee.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(invitee.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("фахівець із соціальної роботи");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown"); // first organization
  await expect(page.getByLabel("Організація")).not.toHaveValue("");
  await tabTo(page, page.getByRole("button", { name: "Надіслати запрошення" }));
  await page.keyboard.press("Enter");
  await expect(
    page
      .locator("main")
      .getByRole("status")
      .filter({ hasText: `Запрошення надіслано на ${invitee.email}` }),
  ).toBeVisible();
  await expect(page.getByText(invitee.email).last()).toBeVisible();
  await expectAccessible();

  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Вихідна пошта" })).toBeVisible();
  await expectAccessible();
  const invitationMail = page.getByRole("article", { name: invitee.email });
  const link = await invitationMail.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/invitation\?token=/);

  // The invited person opens the link in their own browser.
  const context = await browser.newContext({ locale: "uk-UA" });
  const inviteePage = await context.newPage();
  await inviteePage.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(inviteePage.getByRole("heading", { name: "Запрошення до «Сходинок»" })).toBeVisible();
  await expectAccessible(inviteePage);
  // A password everyone tries first is refused with a reason, and the typed one can be replaced.
  const passwordField = inviteePage.getByLabel("Придумайте пароль");
  await tabTo(inviteePage, passwordField);
  await inviteePage.keyboard.type("йцукенгшщз");
  await inviteePage.keyboard.press("Enter");
  await expect(inviteePage.locator("main")).toContainText("серед найпоширеніших");
  await expectAccessible(inviteePage);
  await passwordField.fill("");
  await tabTo(inviteePage, passwordField);
  await inviteePage.keyboard.type("моя-нова-фраза-для-входу");
  await inviteePage.keyboard.press("Enter");
  await expect(inviteePage.locator("main").getByRole("status")).toContainText("Обліковий запис створено");
  await tabTo(inviteePage, inviteePage.locator("main").getByRole("status").getByRole("link", { name: "Увійти" }));
  await inviteePage.keyboard.press("Enter");
  await expect(inviteePage).toHaveURL(/\/sign-in/);
  await expectAccessible(inviteePage);
  await signInWithKeyboard(inviteePage, invitee.email, "моя-нова-фраза-для-входу");
  // Signing in leads to the person's own start (Today for a learner, the caseload for a curator).
  await expect(inviteePage).toHaveURL(/\/(today|curator)$/);
  await expectAccessible(inviteePage);
  await inviteePage.goto("/profile");
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(inviteePage.getByLabel("Ім'я та прізвище")).toHaveValue(invitee.name);
  await expect(inviteePage.getByText("Цифровий куратор").or(inviteePage.getByText("Слухач")).first()).toBeVisible();
  await expectAccessible(inviteePage);
  await context.close();
});

test("switching to English and back keeps the choice", async ({ page, factory, signIn, expectAccessible }) => {
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  await signIn(curator);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");

  await tabTo(page, page.getByRole("button", { name: /English/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible();

  // The choice is saved to the profile: it survives a reload and a new sign-in.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();

  // In English, a lesson written only in Ukrainian keeps its Ukrainian title, marked as Ukrainian.
  await page.goto("/lessons");
  await expect(page.locator('h3[lang="uk"]').getByRole("link", { name: "Як обрати канал зв'язку для кожного клієнта" })).toBeVisible();
  await expect(page.locator("h3:not([lang])").getByRole("link", { name: "Client data belongs neither in your gallery nor in a chat" })).toBeVisible();
  await expectAccessible();
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: /Українська/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expectAccessible();
});

test("the header's language switch and sign-out work without JavaScript", async ({ page, browser, factory, signIn, expectAccessible }) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  await signIn(learner);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expectAccessible();

  // The same session in a browser that runs no scripts at all.
  const context = await browser.newContext({ locale: "uk-UA", javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await context.newPage();
  await noScript.goto("/lessons/strong-passwords");
  await expect(noScript.getByRole("heading", { level: 1 })).toBeVisible();
  // axe needs scripts; the same markup is scanned with scripts on in the other journeys.
  await expect(noScript.locator("html")).toHaveAttribute("lang", "uk");

  // The language form posts and comes back to the same page, now in English.
  await tabTo(noScript, noScript.getByRole("button", { name: /English/ }));
  await noScript.keyboard.press("Enter");
  await expect(noScript.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(noScript).toHaveURL(/\/lessons\/strong-passwords$/);
  await expect(noScript.locator("html")).toHaveAttribute("lang", "en");
  await tabTo(noScript, noScript.getByRole("button", { name: /Українська/ }));
  await noScript.keyboard.press("Enter");
  await expect(noScript.getByRole("button", { name: "Вийти" })).toBeVisible();
  await expect(noScript.locator("html")).toHaveAttribute("lang", "uk");

  // Signing out lands on the sign-in page, and the session is gone from this browser.
  await tabTo(noScript, noScript.getByRole("button", { name: "Вийти" }));
  await noScript.keyboard.press("Enter");
  await expect(noScript).toHaveURL(/\/sign-in$/);
  await expect(noScript.getByRole("heading", { level: 1, name: "Вхід" })).toBeVisible();
  await noScript.goto("/profile");
  await expect(noScript).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await context.close();
});

test("an admin pages through the list of people with plain links", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["ADMIN"] }));
  // The demo world alone has 48 people, and every journey adds its own: more than one page of 50.
  for (let i = 0; i < 3; i++) await factory.person({ roles: ["LEARNER"] });
  await page.goto("/admin/users");
  const pages = page.getByRole("navigation", { name: "Сторінки списку людей" }).first();
  await expect(pages.getByText(/^Сторінка 1 з \d+$/)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/^Показано 1–50 з \d+$/);
  const firstOnPageOne = await page.locator("tbody tr").first().textContent();
  await expectAccessible();
  await pages.getByRole("link", { name: "Наступна ›" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?page=2$/);
  await expect(
    page
      .getByRole("navigation", { name: "Сторінки списку людей" })
      .first()
      .getByText(/^Сторінка 2 з \d+$/),
  ).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/^Показано 51–\d+ з \d+$/);
  expect(await page.locator("tbody tr").first().textContent()).not.toBe(firstOnPageOne);
  await expectAccessible();
});
