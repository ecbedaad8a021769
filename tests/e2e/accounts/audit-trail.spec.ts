import { test, expect, tabTo, signInThroughApi } from "../fixtures/test";

/**
 * The audit trail (decision 050): a sign-in is recorded; an admin finds it with the filters of a
 * plain GET form, on a phone too, and downloads the selection as CSV; a methodologist may not read it.
 */
test("an admin finds a colleague's sign-in in the audit trail, filters it by keyboard and downloads it as CSV", async ({
  page,
  browser,
  factory,
  signIn,
  expectAccessible,
}) => {
  const admin = await factory.person({ roles: ["ADMIN"] });
  const worker = await factory.person({ roles: ["LEARNER"] });

  // The worker signs in on a device of her own: that sign-in is what the admin looks for.
  const device = await browser.newContext({ locale: "uk-UA", timezoneId: "Europe/Kyiv" });
  try {
    await signInThroughApi(device.request, worker);
  } finally {
    await device.close();
  }

  await signIn(admin);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Адміністрування" })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("navigation", { name: "Розділи" }).getByRole("link", { name: "Журнал дій" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Журнал дій" })).toBeVisible();
  await expectAccessible();

  // Filters: who (part of the e-mail) and what, sent with the keyboard through the GET form.
  await tabTo(page, page.getByLabel("Хто", { exact: true }));
  await page.keyboard.type(worker.email);
  await page.getByLabel("Дія", { exact: true }).selectOption("auth.sign-in");
  await tabTo(page, page.getByRole("button", { name: "Показати" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/audit\?.*who=.*action=auth.sign-in/);
  const table = page.getByRole("table", { name: "Записи журналу, найновіші спершу" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const entry = table.getByRole("row").nth(1);
  await expect(entry).toContainText(worker.name);
  await expect(entry).toContainText(worker.email);
  await expect(entry).toContainText("Вхід");
  await expect(page.getByLabel("Хто", { exact: true })).toHaveValue(worker.email);
  await expectAccessible();

  // On a 320 px phone the table scrolls sideways in its own labelled region, reachable by keyboard.
  await page.setViewportSize({ width: 320, height: 640 });
  const region = page.getByRole("region", { name: "Записи журналу, найновіші спершу" });
  await expect(region).toBeVisible();
  await tabTo(page, region);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible();

  // The download holds the same selection.
  const href = await page.getByRole("link", { name: "Завантажити CSV" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/audit\/export\?.*who=.*action=auth.sign-in.*format=csv/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text).toContain(worker.email);
  expect(text).toContain("auth.sign-in");
  expect(text).not.toContain(worker.password);

  // The download is in the trail too.
  await page.goto(`/admin/audit?who=${encodeURIComponent(admin.email)}&action=audit.exported`);
  await expect(page.getByRole("table", { name: "Записи журналу, найновіші спершу" }).getByRole("row").nth(1)).toContainText(admin.name);
  await expectAccessible();
});

test("a methodologist cannot open the audit trail or download it", async ({ page, factory, signIn, expectAccessible }) => {
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  await signIn(methodologist);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Адміністрування" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Журнал дій" })).toHaveCount(0);
  await expectAccessible();
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Доступ заборонено" })).toBeVisible();
  await expectAccessible();
  const csv = await page.request.get("/api/v1/audit/export?format=csv");
  expect(csv.status()).toBe(403);
});
