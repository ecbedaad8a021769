import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { test, expect, signInThroughApi, tabTo, type Person } from "../fixtures/test";
import { submitShortSelfAssessment } from "../fixtures/competences";

/** Runs `work` with an API request context signed in as `person` (the page's browser stays whoever it was). */
async function asPerson(playwright: PlaywrightWorkerArgs["playwright"], person: Person, work: (request: APIRequestContext) => Promise<void>) {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await signInThroughApi(request, person);
    await work(request);
  } finally {
    await request.dispose();
  }
}

test("the caseload says which area a mentee's self-rating dropped in, beside the mean, and which guide step they are stuck on", async ({
  page,
  playwright,
  factory,
  signIn,
  expectAccessible,
}) => {
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const mentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(curator, mentee);
  // Safety goes from 5 to 4 while the other five areas grow from 3 to 5: the mean rises by 1.5.
  await submitShortSelfAssessment(playwright, mentee, { levels: { "4": 5 }, otherwise: 3 });
  await submitShortSelfAssessment(playwright, mentee, { levels: { "4": 4 }, otherwise: 5 });
  await asPerson(playwright, mentee, async (request) => {
    const report = await request.post("/api/v1/walkthroughs/diia-sign-in/reports", { data: { stepId: "bank-sign-in", kind: "stuck" } });
    expect(report.status(), await report.text()).toBe(201);
  });

  await signIn(curator);
  await page.goto("/curator");
  await expect(page.getByRole("heading", { level: 1, name: "Мої підопічні" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(mentee.name) }) });
  await expect(row).toContainText("середня зміна за областями: +1,5");
  await expect(row.getByRole("listitem").filter({ hasText: "Самооцінка: «Безпека» −1,0 (з 5 до 4)" })).toBeVisible();
  await expect(
    row.getByRole("listitem").filter({ hasText: "Застряг(-ла) в інструкції «Вхід у Дію і показ е-документів»: крок 3, «Клієнт входить у свій банк»" }),
  ).toBeVisible();
  await expect(row.getByText("Самооцінка знизилася")).toHaveCount(0);
  await expectAccessible();
});

test("the curator's lesson picker is in the curator's alphabet and marks what the mentee finished, which can still be assigned", async ({
  page,
  playwright,
  factory,
  signIn,
  expectAccessible,
}) => {
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const mentee = await factory.person({ roles: ["LEARNER"] });
  await factory.pair(curator, mentee);
  await asPerson(playwright, mentee, async (request) => {
    const done = await request.post("/api/v1/lessons/recognise-phishing/completion", { data: { minutes: 5 } });
    expect(done.status(), await done.text()).toBe(201);
  });

  await signIn(curator);
  await page.goto("/curator");
  await expectAccessible();
  await tabTo(page, page.getByRole("link", { name: mentee.name }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: mentee.name })).toBeVisible();
  const picker = page.getByLabel("Назва");
  const titles = await picker.locator("option").allInnerTexts();
  const collator = new Intl.Collator("uk", { sensitivity: "base", numeric: true, ignorePunctuation: true });
  expect(titles).toEqual([...titles].sort(collator.compare));
  const finished = "«Вам нараховано допомогу»: як розпізнати шахрайське повідомлення (✓ пройдено)";
  expect(titles).toContain(finished);
  expect(titles.filter((t) => t.includes("✓ пройдено"))).toHaveLength(1);
  await expectAccessible();

  await tabTo(page, picker);
  await picker.selectOption({ label: finished });
  await tabTo(page, page.getByRole("button", { name: "Доручити" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Доручення надіслано — воно з'явиться першим у плані на сьогодні.")).toBeVisible();
});

test("the gap list shows three gaps with unfinished lessons and guides, each once, and all gaps behind a disclosure", async ({
  page,
  playwright,
  factory,
  signIn,
  expectAccessible,
}) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  await submitShortSelfAssessment(playwright, learner, { otherwise: 1 });
  await signIn(learner);
  await page.goto("/competences");
  const gaps = page.getByRole("region", { name: "Що варто розвинути" });
  await expect(gaps.locator(":scope > ol > li")).toHaveCount(3);
  const hrefs = await gaps.locator(":scope > ol a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(new Set(hrefs).size).toBe(hrefs.length);
  const all = gaps.locator("details");
  await expect(all.getByRole("link").first()).toBeHidden();
  await tabTo(page, all.locator("summary"));
  await page.keyboard.press("Enter");
  await expect(all.getByRole("link", { name: /^SW\.3 / })).toBeVisible();
  await expectAccessible();
});

test("a learner who has not learned yet reads one sentence instead of an empty streak history", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"], newAccount: true }));
  await page.goto("/progress");
  const history = page.getByRole("region", { name: "Історія серії" });
  await expect(history).toContainText("Тут з'являться дні, коли ви навчалися: пройдіть перший урок — і почнеться ваша серія.");
  await expect(history.getByRole("table")).toHaveCount(0);
  await expectAccessible();
});
