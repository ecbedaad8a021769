import { test, expect, uniqueSuffix } from "../fixtures/test";

test("a reader flags a post, the region's methodologist hides it from the queue with a reason, and the author is told and sees why", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const poltava = await factory.demoPlace("UA-53");
  const author = await factory.person({ roles: ["LEARNER"], place: poltava });
  const reader = await factory.person({ roles: ["LEARNER"], place: poltava });
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"], place: poltava });
  const suffix = uniqueSuffix();
  const title = `Як вести облік звернень у громаді ${suffix}`;
  const text = `Ведемо облік у спільній таблиці з доступом для всіх волонтерів ${suffix}.`;
  const reason = "Відкритий доступ до таблиці з даними клієнтів";

  await signIn(author);
  const origin = new URL(page.url() === "about:blank" ? (test.info().project.use.baseURL ?? "http://localhost:3100") : page.url()).origin;
  const created = await page.request.post("/api/v1/community/spaces/region-poltava/threads", {
    data: { kind: "DISCUSSION", title, body: text },
    headers: { origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: threadId } = (await created.json()) as { id: string };

  await signIn(reader);
  await page.goto(`/community/t/${threadId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible();
  await page.getByText("Поскаржитися", { exact: true }).click();
  await page.getByLabel("Особисті дані клієнта").check();
  await page.getByLabel("Пояснення (необов'язково)").fill("У таблиці можуть бути дані клієнтів");
  await page.getByRole("button", { name: "Надіслати скаргу" }).click();
  await expect(page.getByText("Ви поскаржилися на цей допис.")).toBeVisible();
  await expectAccessible();

  await signIn(methodologist);
  await page.goto("/community/moderation");
  await expect(page.getByRole("heading", { level: 1, name: "Модерація спільноти" })).toBeVisible();
  await expectAccessible();
  await page.goto("/community/region-poltava/moderation");
  const item = page.getByRole("listitem").filter({ hasText: text });
  await expect(item.getByText("Особисті дані клієнта")).toBeVisible();
  await expectAccessible();
  await item.getByLabel("Причина рішення (її побачить автор; буде записано в журнал)").first().fill(reason);
  await item.getByRole("button", { name: "Приховати" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);
  await expectAccessible();
  await page.goto("/community/region-poltava/moderation/log");
  await expect(page.getByRole("cell", { name: reason })).toBeVisible();
  await expectAccessible();

  await signIn(reader);
  await page.goto(`/community/t/${threadId}`);
  await expect(page.getByText("Допис приховано модератором.")).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
  await expectAccessible();

  await signIn(author);
  await page.goto("/notifications");
  const note = page.getByRole("link", { name: new RegExp(`Модератор приховав ваш допис у темі «${title}»`) });
  await expect(note).toBeVisible();
  await expectAccessible();
  await note.click();
  await expect(page.getByText("Цей допис приховано: його бачите лише ви й модератори.")).toBeVisible();
  await expect(page.getByText(`Причина: ${reason}`)).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
  await expectAccessible();
});
