import { test, expect, uniqueSuffix } from "../fixtures/test";

test("a group's owner invites a colleague who accepts and reads the group's thread; another asks to join, is declined and still gets 404", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const curator = await factory.person({ roles: ["CURATOR", "LEARNER"] });
  const colleague = await factory.person({ roles: ["LEARNER"] });
  const outsider = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") });
  const groupName = `Команда громади ${uniqueSuffix()}`;
  const threadTitle = "Графік виїздів до сіл на наступний тиждень";

  await signIn(curator);
  await page.goto("/community");
  await expectAccessible();
  await page.getByRole("link", { name: "Створити закриту групу" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Нова закрита група" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Назва групи").fill(groupName);
  await page.getByRole("button", { name: "Створити групу" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Учасники групи «${groupName}»` })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Кого запросити").selectOption({ label: `${colleague.name} · ${(await factory.place()).organizationName}` });
  await page.getByRole("button", { name: "Запросити" }).click();
  await expect(page.getByRole("status")).toHaveText("Запрошення надіслано.");
  await expect(page.getByRole("region", { name: "Надіслані запрошення" }).getByText(colleague.name)).toBeVisible();
  await expectAccessible();

  await page.getByRole("link", { name: `← До групи «${groupName}»` }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Нова тема" }).click();
  await expectAccessible();
  await page.getByLabel("Обговорення").check();
  await page.getByLabel("Назва теми").fill(threadTitle);
  await page.getByLabel("Текст", { exact: true }).fill("Колеги, допишіть, у які дні ви можете поїхати до віддалених сіл.");
  await page.getByRole("button", { name: "Опублікувати" }).click();
  await expect(page.getByRole("heading", { level: 1, name: threadTitle })).toBeVisible();
  const threadUrl = page.url();
  await expectAccessible();

  // The colleague accepts the invitation and reads the thread.
  await signIn(colleague);
  await page.goto("/community");
  const invitations = page.getByRole("region", { name: "Запрошення до груп" });
  await expect(invitations.getByText(`запрошує вас до групи «${groupName}»`)).toBeVisible();
  await expectAccessible();
  await invitations.getByRole("button", { name: `Прийняти: ${groupName}` }).click();
  await expect(page.getByRole("region", { name: "Мої групи" }).getByRole("link", { name: groupName })).toBeVisible();
  await expectAccessible();
  await page.goto(threadUrl);
  await expect(page.getByRole("heading", { level: 1, name: threadTitle })).toBeVisible();
  await expectAccessible();

  // Someone who only sees the group's name asks to join.
  await signIn(outsider);
  await page.goto("/community");
  await page.getByRole("button", { name: `Попросити приєднатися до групи «${groupName}»` }).click();
  await expect(page.getByText("Запит надіслано — чекає на відповідь власника.")).toBeVisible();
  await expectAccessible();

  // The owner declines.
  await signIn(curator);
  await page.goto("/community");
  await expectAccessible();
  await page.getByRole("link", { name: groupName }).click();
  await expectAccessible();
  await page.getByRole("link", { name: "Учасники" }).click();
  const requests = page.getByRole("region", { name: "Запити на вступ" });
  await expect(requests.getByText(outsider.name)).toBeVisible();
  await expectAccessible();
  await requests.getByRole("button", { name: `Відхилити: ${outsider.name}` }).click();
  await expect(requests.getByText("Нових запитів немає.")).toBeVisible();
  await expectAccessible();

  // The declined person still gets 404 for the group's thread.
  await signIn(outsider);
  const response = await page.goto(threadUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(threadTitle)).toHaveCount(0);
  await expectAccessible();
});
