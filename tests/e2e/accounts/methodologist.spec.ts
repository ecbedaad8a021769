import { test, expect, tabTo, uniqueSuffix } from "../fixtures/test";

test("a methodologist imports colleagues from CSV: a bad row rejects the file, the fixed file invites everyone", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  const place = await factory.place();
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"], place });
  const ORG = place.organizationName;
  const hanna = `hanna.import.${uniqueSuffix()}@example.org`;
  const petro = `petro.import.${uniqueSuffix()}@example.org`;
  await signIn(methodologist);
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Імпорт облікових записів із CSV" })).toBeVisible();
  await expectAccessible();

  const textarea = page.getByLabel(/Вміст CSV/);
  await tabTo(page, textarea);
  await page.keyboard.insertText(`name,email,organization,roles\nГанна Іваненко,${hanna},${ORG},learner\nПетро Марченко,not-an-email,${ORG},learner;curator`);
  await tabTo(page, page.getByRole("button", { name: "Імпортувати" }));
  await page.keyboard.press("Enter");
  const report = page.locator("main").getByRole("alert");
  await expect(report).toContainText("Файл не імпортовано");
  await expect(report.getByRole("row", { name: /3 email/ })).toContainText("Вкажіть правильну адресу електронної пошти");
  await expectAccessible();

  // Nothing was lost: the text is still there to fix.
  await expect(textarea).toHaveValue(/not-an-email/);
  await textarea.fill(`name,email,organization,roles\nГанна Іваненко,${hanna},${ORG},learner\nПетро Марченко,${petro},${ORG},learner;curator`);
  await tabTo(page, page.getByRole("button", { name: "Імпортувати" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main").getByRole("status")).toContainText("Надіслано запрошень: 2");

  await page.goto("/admin/invitations");
  await expect(page.getByText(petro)).toBeVisible();
  await expectAccessible();

  await page.goto("/admin/directory");
  // The methodologist's own region only, none of the others.
  await expect(page.getByRole("heading", { level: 2, name: place.regionName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Полтавська область" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Житомирська область" })).toHaveCount(0);
  await expectAccessible();
});

test("pages reflow at 200 % zoom without sideways scrolling", async ({ page, factory, signIn, expectAccessible }) => {
  // 200 % zoom of a 1280 px window is a 640 CSS px viewport.
  await page.setViewportSize({ width: 640, height: 720 });
  await signIn(await factory.person({ roles: ["ADMIN"] }));
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await page.waitForLoadState("load");
  for (const path of ["/profile", "/admin", "/admin/invitations", "/admin/directory", "/admin/import"]) {
    if (new URL(page.url()).pathname !== path) await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible();
  }
});
