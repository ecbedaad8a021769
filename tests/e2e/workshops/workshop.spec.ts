import { test, expect, signOut, tabTo, uniqueSuffix } from "../fixtures/test";
import { addDays, kyivDay } from "../../../lib/kyiv-calendar";
import { kyivLocalToInstant } from "../../../features/workshops/kyiv-time";

/** The unfolded content lines of an iCalendar file (RFC 5545 §3.1). */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);

test("a methodologist announces a workshop, a learner registers and gets the .ics, attendance is marked after the date and shows on the learner's progress", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // Three people and eleven pages, each scanned with axe: longer than the default minute on two cores.
  test.setTimeout(120_000);
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  const learner = await factory.person({ roles: ["LEARNER"] });
  const title = `Літній клієнт і Дія, ЦНАП; черга ${uniqueSuffix()}`;
  const day = addDays(kyivDay(new Date()), 5);

  // The methodologist announces it with the keyboard-friendly plain form (Kyiv time).
  await signIn(methodologist);
  await page.goto("/workshops");
  await expect(page.getByRole("heading", { level: 1, name: "Методичні семінари" })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Оголосити семінар" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Новий семінар" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Назва", { exact: true }).fill(title);
  await page.getByLabel("Опис", { exact: true }).fill("Вхід у Дію, Дія.Підпис і запис до електронної черги ЦНАП.\nВізьміть смартфон.");
  await page.getByLabel("Місце: адреса, кабінет").fill("Полтава, обласний центр, зала засідань");
  await page.getByLabel("Початок").fill(`${day}T10:00`);
  await page.getByLabel("Кінець").fill(`${day}T11:30`);
  await page.getByLabel("Кількість місць").fill("12");
  await page.getByText("Обрати уроки та інструкції").click();
  await page.locator('input[name="readings"]').first().check();
  await tabTo(page, page.getByRole("button", { name: "Оголосити семінар" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Семінар оголошено. Його вже бачать люди, для яких він.");
  await expectAccessible();
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Зайнято 0 з 12")).toBeVisible();
  await expectAccessible();
  const workshopUrl = new URL(page.url()).pathname;
  await signOut(page);
  await expectAccessible();

  // A learner of the region finds it, registers, and downloads the calendar file.
  await signIn(learner);
  await page.goto("/workshops");
  await expectAccessible();
  await page.getByRole("region", { name: "Найближчі семінари" }).getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${workshopUrl}$`));
  await expectAccessible();
  await tabTo(page, page.getByRole("button", { name: "Зареєструватися" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Ви зареєстровані. Напередодні надійде нагадування.");
  await expect(page.getByText("Зайнято 1 з 12")).toBeVisible();
  await expectAccessible();

  const icsHref = await page.getByRole("link", { name: "Додати в календар (.ics)" }).getAttribute("href");
  const ics = await page.request.get(icsHref!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(ics.headers()["content-disposition"]).toMatch(/attachment; filename="workshop-[\d-]+-\w+\.ics"/);
  const body = await ics.text();
  expect(body.endsWith("\r\n")).toBe(true);
  for (const line of body.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const lines = unfold(body);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines).toContain("BEGIN:VEVENT");
  expect(lines).toContain(`UID:workshop-${workshopUrl.split("/").pop()}@skhodynky`);
  const utc = (local: string) => kyivLocalToInstant(local)!.toISOString().replace(/[-:]/g, "").replace(".000", "");
  expect(lines).toContain(`DTSTART:${utc(`${day}T10:00`)}`);
  expect(lines).toContain(`DTEND:${utc(`${day}T11:30`)}`);
  expect(lines).toContain(`SUMMARY:${title.replace(/,/g, "\\,").replace(/;/g, "\\;")}`);
  expect(lines).toContain("LOCATION:Полтава\\, обласний центр\\, зала засідань");
  expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toContain("Вхід у Дію\\, Дія.Підпис і запис до електронної черги ЦНАП.\\nВізьміть смартфон.");
  expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
  await signOut(page);
  await expectAccessible();

  // A workshop that has happened (made by the factory: the form refuses a start in the past).
  const pastTitle = `Закрита група у Viber для клієнтів ${uniqueSuffix()}`;
  const past = await factory.workshop({ organiser: methodologist, title: pastTitle, startsInMinutes: -120, registrants: [learner] });
  await signIn(methodologist);
  await page.goto(`/workshops/${past.id}`);
  await expect(page.getByRole("heading", { level: 1, name: pastTitle })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Відвідування й матеріали" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Відвідування: ${pastTitle}` })).toBeVisible();
  await expectAccessible();
  const box = page.getByRole("checkbox", { name: new RegExp(learner.name) });
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Зберегти відвідування" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Відвідування збережено.");
  await expect(page.getByRole("checkbox", { name: new RegExp(learner.name) })).toBeChecked();
  await page.getByLabel("Зовнішні посилання").fill("https://diia.gov.ua Портал Дія");
  await page.getByRole("button", { name: "Зберегти матеріали" }).click();
  await expect(page.getByRole("status")).toHaveText("Матеріали збережено.");
  await expectAccessible();
  await signOut(page);
  await expectAccessible();

  // The learner sees it on the progress page, and its materials on its page.
  await signIn(learner);
  await page.goto("/progress");
  const attended = page.getByRole("region", { name: "Відвідані семінари" });
  await expect(attended.getByRole("link", { name: pastTitle })).toBeVisible();
  await expectAccessible();
  await attended.getByRole("link", { name: pastTitle }).click();
  await expect(page.getByRole("status")).toHaveText("Ви відвідали цей семінар.");
  await expect(page.getByRole("link", { name: "Портал Дія" })).toBeVisible();
  await expectAccessible();
});

test("a learner of another region cannot open a region's workshop (404)", async ({ page, factory, signIn, expectAccessible }) => {
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  const past = await factory.workshop({ organiser: methodologist, startsInMinutes: 60 * 24 });
  const elsewhere = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-18") });
  await signIn(elsewhere);
  const answer = await page.goto(`/workshops/${past.id}`);
  expect(answer?.status()).toBe(404);
  await expectAccessible();
});

test("the workshop pages fit a 320 px screen without sideways scrolling", async ({ page, factory, signIn, expectAccessible }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  const learner = await factory.person({ roles: ["LEARNER"] });
  const past = await factory.workshop({ organiser: methodologist, startsInMinutes: -60, registrants: [learner] });
  const soon = await factory.workshop({ organiser: methodologist, startsInMinutes: 60 * 24 * 3, registrants: [learner] });
  await signIn(methodologist);
  for (const path of ["/workshops", "/workshops/new", `/workshops/${soon.id}`, `/workshops/${soon.id}/edit`, `/workshops/${past.id}/attendance`, "/today"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible();
  }
});
