import { test, expect, signInWithKeyboard, tabTo } from "../fixtures/test";

test("a learner signs in with the keyboard and sees the profile", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Увійти до платформи" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible();

  await signInWithKeyboard(page, "learner@demo.skhodynky.org", "wrong-password");
  await expect(page.locator("main").getByRole("alert")).toContainText("Неправильна електронна пошта або пароль");

  await page.getByLabel("Пароль").fill("");
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(page.getByText("learner@demo.skhodynky.org")).toBeVisible();
  await expectAccessible();
});

test("a learner who opens an admin page gets the 403 page", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in?next=/admin/users");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
  await expect(page.getByRole("heading", { name: "Доступ заборонено" })).toBeVisible();
  await expectAccessible();
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Адміністрування" })).toHaveCount(0);
  await expectAccessible();
});

test("an admin invites a person, who sets a password from the outbox link and signs in", async ({ page, browser, expectAccessible }) => {
  await page.goto("/sign-in");
  await expectAccessible();
  await signInWithKeyboard(page, "admin@demo.skhodynky.org");
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
  await page.keyboard.type("Ірина Савчук");
  await page.keyboard.press("Tab");
  await page.keyboard.type("iryna.savchuk@example.org");
  await page.keyboard.press("Tab");
  await page.keyboard.type("фахівець із соціальної роботи");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown"); // first organization
  await expect(page.getByLabel("Організація")).not.toHaveValue("");
  await tabTo(page, page.getByRole("button", { name: "Надіслати запрошення" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main").getByRole("status").filter({ hasText: "Запрошення надіслано на iryna.savchuk@example.org" })).toBeVisible();
  await expect(page.getByText("iryna.savchuk@example.org").last()).toBeVisible();
  await expectAccessible();

  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Вихідна пошта" })).toBeVisible();
  await expectAccessible();
  const invitationMail = page.getByRole("article", { name: /iryna\.savchuk@example\.org/ });
  const link = await invitationMail.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/invitation\?token=/);

  // The invited person opens the link in their own browser.
  const context = await browser.newContext({ locale: "uk-UA" });
  const invitee = await context.newPage();
  await invitee.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(invitee.getByRole("heading", { name: "Запрошення до «Сходинок»" })).toBeVisible();
  await expectAccessible(invitee);
  await tabTo(invitee, invitee.getByLabel("Придумайте пароль"));
  await invitee.keyboard.type("моя-нова-фраза-для-входу");
  await invitee.keyboard.press("Enter");
  await expect(invitee.locator("main").getByRole("status")).toContainText("Обліковий запис створено");
  await tabTo(invitee, invitee.locator("main").getByRole("status").getByRole("link", { name: "Увійти" }));
  await invitee.keyboard.press("Enter");
  await expect(invitee).toHaveURL(/\/sign-in/);
  await expectAccessible(invitee);
  await signInWithKeyboard(invitee, "iryna.savchuk@example.org", "моя-нова-фраза-для-входу");
  await expect(invitee.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(invitee.getByLabel("Ім'я та прізвище")).toHaveValue("Ірина Савчук");
  await expect(invitee.getByText("Цифровий куратор").or(invitee.getByText("Слухач")).first()).toBeVisible();
  await expectAccessible(invitee);
  await context.close();
});

test("switching to English and back keeps the choice", async ({ page, expectAccessible }) => {
  await page.goto("/sign-in");
  await expectAccessible();
  await signInWithKeyboard(page, "curator@demo.skhodynky.org");
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

  await tabTo(page, page.getByRole("button", { name: /Українська/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expectAccessible();
});

test("the header's language switch and sign-out work without JavaScript", async ({ page, browser, expectAccessible }) => {
  await page.goto("/sign-in");
  await expectAccessible();
  await signInWithKeyboard(page, "learner@demo.skhodynky.org");
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
