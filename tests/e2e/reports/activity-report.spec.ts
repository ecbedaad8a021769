import { readFileSync } from "node:fs";
import readXlsxFile from "read-excel-file/node";
import { test, expect, tabTo, uniqueSuffix, type Page } from "../fixtures/test";

const LESSON = "strong-passwords";
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv" }).format(new Date());

/** "Завершено уроків" in the key figures, as the page shows it (uk-UA digits grouped with spaces). */
async function lessonsFinished(page: Page): Promise<number> {
  const figures = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Показник" }) });
  const cell = figures.getByRole("row", { name: /^Завершено уроків/ }).getByRole("cell");
  return Number((await cell.innerText()).replace(/\D/g, ""));
}

test("a Poltava methodologist sees a lesson just finished in the region's activity report and downloads it as CSV and XLSX", async ({
  page,
  browser,
  factory,
  signIn,
  expectAccessible,
}) => {
  const poltava = await factory.demoPlace("UA-53");
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"], place: poltava });
  const learner = await factory.person({ roles: ["LEARNER"], place: poltava });
  await signIn(methodologist);

  await page.goto("/reports");
  await expectAccessible();
  await tabTo(page, page.getByRole("navigation", { name: "Звіти" }).getByRole("link", { name: "Навчальна активність" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Звіт про навчальну активність: Полтавська область" })).toBeVisible();
  await expect(page.getByText(/^Період: .* \(за київським часом\)$/)).toBeVisible();
  await expect(page.getByText(/^Сформовано /)).toBeVisible();
  await expectAccessible();

  // Today only, by the form (a plain GET form).
  await page.getByLabel("Початок періоду").fill(today());
  await page.getByLabel("Кінець періоду").fill(today());
  await page.getByRole("button", { name: "Показати" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today()}&to=${today()}`));
  const before = await lessonsFinished(page);
  await expectAccessible();

  // The learner finishes a lesson in a browser of their own.
  const learnerContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const learnerPage = await learnerContext.newPage();
  await signIn(learner, learnerPage);
  const done = await learnerPage.request.post(`/api/v1/lessons/${LESSON}/completion`, {
    headers: { origin: new URL(page.url()).origin, "idempotency-key": `activity-${uniqueSuffix()}` },
    data: { minutes: 4, answers: [] },
  });
  expect(done.status()).toBe(201);
  await learnerContext.close();

  await page.reload();
  const after = await lessonsFinished(page);
  expect(after).toBeGreaterThanOrEqual(before + 1);
  await expectAccessible();

  const csvDownload = page.waitForEvent("download");
  await tabTo(page, page.getByRole("link", { name: "Завантажити весь звіт (CSV)" }));
  await page.keyboard.press("Enter");
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe(`skhodynky-activity-ua-53-${today()}-${today()}.csv`);
  const csv = readFileSync(await csvFile.path(), "utf8");
  expect(csv.startsWith("\uFEFFЗвіт про навчальну активність: Полтавська область")).toBe(true);
  const csvLessons = Number(/\r\nЗавершено уроків,(\d+)\r\n/.exec(csv)?.[1]);
  expect(csvLessons).toBeGreaterThanOrEqual(after);

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Завантажити весь звіт (Excel, XLSX)" }).click();
  const xlsxFile = await xlsxDownload;
  const sheets = await readXlsxFile(readFileSync(await xlsxFile.path()));
  const figures = sheets.find((s) => s.data[0]?.[0] === "Основні показники");
  const row = figures?.data.find((r) => r[0] === "Завершено уроків");
  expect(Number(row?.[1])).toBeGreaterThanOrEqual(after);
  expect(sheets[0]?.data[0]?.[0]).toBe("Звіт про навчальну активність: Полтавська область");
});

test("a Poltava methodologist gets 403 for Zhytomyr's activity report", async ({ page, factory, signIn, expectAccessible }) => {
  const zhytomyr = await factory.demoPlace("UA-18");
  await signIn(await factory.person({ roles: ["METHODOLOGIST"], place: await factory.demoPlace("UA-53") }));
  const response = await page.goto(`/reports/activity?region=${zhytomyr.regionId}`);
  expect(response?.status()).toBe(403);
  await expectAccessible();
  const exported = await page.request.get(`/api/v1/reports/activity/export?region=${zhytomyr.regionId}&format=csv`);
  expect(exported.status()).toBe(403);
});
