import { generateSync } from "otplib";
import { test, expect, signInWithKeyboard, tabTo } from "../fixtures/test";

/**
 * The second factor (issue 15, decision 052) as people meet it: a methodologist without one is sent
 * to add it at sign-in and cannot open the region's report until they do; a worker adds a passkey and
 * signs in with it; a region's export asks for the factor again after 15 minutes.
 */

test("a methodologist without a second factor adds an authenticator app at sign-in; until then /reports is closed", async ({
  page,
  factory,
  expectAccessible,
}) => {
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"], secondFactor: false });
  await page.goto("/sign-in");
  await expectAccessible();
  await signInWithKeyboard(page, methodologist.email, methodologist.password);
  await expect(page).toHaveURL(/\/profile\/security\?enrol=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Безпека входу" })).toBeVisible();
  await expect(page.getByText("Ваша роль (Методист регіонального центру) потребує другого фактора")).toBeVisible();
  await expectAccessible();

  const blocked = await page.goto("/reports");
  expect(blocked?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Спершу увімкніть другий фактор" })).toBeVisible();
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Увімкнути другий фактор" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/profile\/security$/);

  // The key typed by hand, as when a phone cannot scan the screen.
  const secret = (await page.locator("[translate=no]").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await tabTo(page, page.getByLabel("Код із застосунку (6 цифр)"));
  await page.keyboard.type("123456");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Код не підходить.")).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Код із застосунку (6 цифр)").fill(generateSync({ secret }));
  await page.keyboard.press("Enter");

  const codes = page.getByRole("list", { name: "Коди відновлення" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(page.getByRole("heading", { name: "Збережіть коди відновлення" })).toBeFocused();
  await expectAccessible();
  await page.getByRole("button", { name: "Я зберіг(ла) коди" }).click();
  await expect(page.getByText("Застосунок на телефоні (застосунок-автентифікатор)")).toBeVisible();
  await expect(page.getByText("Залишилося 10 невикористаних кодів з 10.")).toBeVisible();
  await expectAccessible();

  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: /^Звіт про цифрові компетентності/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Завантажити CSV" })).toBeVisible();
  await expectAccessible();
});

test("a worker adds a passkey and signs in with it on the next visit", async ({ page, factory, signIn, expectAccessible }) => {
  const worker = await factory.person({ roles: ["LEARNER"] });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  await signIn(worker);
  await page.goto("/profile/security");
  await expect(page.getByText("Другий фактор ще не ввімкнено.")).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Назва ключа").fill("Ноутбук у центрі");
  await page.getByRole("button", { name: "Створити ключ доступу" }).click();
  await expect(page.getByRole("list", { name: "Коди відновлення" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Я зберіг(ла) коди" }).click();
  await expect(page.getByText("Ноутбук у центрі (ключ доступу)")).toBeVisible();
  await expectAccessible();

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await expectAccessible();
  await signInWithKeyboard(page, worker.email, worker.password);
  await expect(page.getByRole("heading", { level: 1, name: "Підтвердіть вхід" })).toBeVisible();
  await expectAccessible();
  // Until the second step, the app stays closed.
  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in\/second-factor\?next=%2Ftoday$/);
  await tabTo(page, page.getByRole("button", { name: "Підтвердити ключем доступу" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/today$/);
  await expectAccessible();
});

test("a region's export asks a methodologist for the second factor again after 15 minutes", async ({ page, factory, signIn, expectAccessible }) => {
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  await signIn(methodologist);
  await factory.ageSecondFactor(methodologist, 16);
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: /^Звіт про цифрові компетентності/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Завантажити CSV" })).toHaveCount(0);
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: "Підтвердити, що це ви" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Підтвердіть, що це ви" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Шестизначний код").fill(generateSync({ secret: methodologist.totpSecret! }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reports/);
  const csv = page.getByRole("link", { name: "Завантажити CSV" });
  await expect(csv).toBeVisible();
  const download = await page.request.get((await csv.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  await expectAccessible();
});
