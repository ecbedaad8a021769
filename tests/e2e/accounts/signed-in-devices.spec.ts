import { test, expect, tabTo, signInThroughApi } from "../fixtures/test";

const OFFICE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
const PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

test("a worker sees where her account is signed in and ends the session on her phone with the keyboard; the phone is signed out", async ({
  browser,
  factory,
  expectAccessible,
}) => {
  const worker = await factory.person({ roles: ["LEARNER"] });
  const office = await browser.newContext({ locale: "uk-UA", timezoneId: "Europe/Kyiv", userAgent: OFFICE });
  const phone = await browser.newContext({ locale: "uk-UA", timezoneId: "Europe/Kyiv", userAgent: PHONE, viewport: { width: 390, height: 800 } });
  try {
    await signInThroughApi(phone.request, worker);
    await signInThroughApi(office.request, worker);
    const phonePage = await phone.newPage();
    await phonePage.goto("/today");
    await expect(phonePage).toHaveURL(/\/today$/);
    await expectAccessible(phonePage);

    const page = await office.newPage();
    await page.goto("/profile");
    const list = page.getByRole("list", { name: "Пристрої, на яких ви увійшли" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    const thisOne = list.getByRole("listitem").filter({ hasText: "цей пристрій" });
    await expect(thisOne).toContainText("Chrome · Windows");
    await expect(thisOne.getByRole("button")).toHaveCount(0);
    const other = list.getByRole("listitem").filter({ hasText: "Chrome · Android" });
    await expect(other).toContainText(/Вхід: .* · востаннє: /);
    await expectAccessible(page);

    // Ended with the keyboard alone; the form works before any script has run.
    const end = other.getByRole("button", { name: "Завершити сеанс Chrome · Android" });
    await tabTo(page, end);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/profile$/);
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("listitem")).toContainText("цей пристрій");
    await expectAccessible(page);

    // The phone's next page asks it to sign in again.
    await phonePage.goto("/today");
    await expect(phonePage).toHaveURL(/\/sign-in/);
    await expectAccessible(phonePage);
  } finally {
    await office.close();
    await phone.close();
  }
});
