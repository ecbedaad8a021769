import { readFileSync } from "node:fs";
import readXlsxFile from "read-excel-file/node";
import { test, expect, tabTo } from "../fixtures/test";

// Reports read the demo world's year of self-assessments; the tests only read them.
test("a methodologist opens the region report, drills into a hromada and downloads the XLSX", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["METHODOLOGIST"], place: await factory.demoPlace("UA-53") }));
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expectAccessible();

  await tabTo(page, page.getByRole("link", { name: "Звіти" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Звіт про цифрові компетентності: Полтавська область/ })).toBeVisible();
  await expect(page.getByText(/Учасників: \d+/).first()).toBeVisible();
  const purposes = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Мета використання ІКТ" }) });
  await expect(purposes.getByRole("row")).toHaveCount(7);
  await expectAccessible();

  const download = page.waitForEvent("download");
  await tabTo(page, page.getByRole("link", { name: "Завантажити Excel (XLSX)" }));
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^skhodynky-region-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheets = await readXlsxFile(readFileSync(await file.path()));
  expect(sheets[0]?.data[0]?.[0]).toBe("Звіт про цифрові компетентності: Полтавська область");
  const purposeSheet = sheets.find((s) => s.data[0]?.[0] === "Мета використання ІКТ у роботі (%)");
  expect(purposeSheet?.data.length).toBeGreaterThan(6);
  for (const row of purposeSheet!.data.slice(-6)) {
    const sum = (row.slice(1) as number[]).reduce((s, v) => s + v, 0);
    expect(Math.round(sum * 10)).toBe(1000);
  }

  // A hromada with too few respondents shows nothing that could single someone out.
  const hromadaLinks = page.getByRole("region", { name: "Громади" }).getByRole("link");
  await expect(hromadaLinks.first()).toBeVisible();
  await tabTo(page, hromadaLinks.first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /Назад: Полтавська область/ })).toBeVisible();
  await expectAccessible();
});

test("a methodologist cannot open another region's report", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["METHODOLOGIST"], place: await factory.demoPlace("UA-18") }));
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Мій профіль" })).toBeVisible();
  await expectAccessible();
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: /Житомирська область/ })).toBeVisible();
  await expectAccessible();
  const poltavaLink = await page.evaluate(async () => {
    const res = await fetch("/api/v1/reports/export?scope=country&format=csv");
    return res.status;
  });
  expect(poltavaLink).toBe(403);
  const response = await page.goto("/reports?scope=country");
  expect(response?.status()).toBe(403);
  // A methodologist is who learners ask; the page sends them to the platform's administrators.
  await expect(page.getByRole("heading", { level: 1, name: "Доступ заборонено" })).toBeVisible();
  await expect(page.getByText("напишіть адміністраторові платформи")).toBeVisible();
  await expectAccessible();
});
