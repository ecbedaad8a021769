import { test, expect } from "../fixtures/test";
import { DEMO_PASSWORD } from "../../factories/demo-world";

test("a private group's threads are for its members: an outsider sees the group's name and owner only, its pages answer 404 and search never finds them", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  // The demo curator's group (seeded) is only read here.
  const curator = { email: "curator@demo.skhodynky.org", password: DEMO_PASSWORD };
  await signIn(curator as Parameters<typeof signIn>[0]);
  await page.goto("/community/curator-group");
  await expect(page.getByRole("heading", { level: 1, name: "Наставницька група куратора" })).toBeVisible();
  await expectAccessible();
  const threadLink = page.getByRole("link", { name: "План на місяць: паролі й шахрайські повідомлення" });
  const threadUrl = (await threadLink.getAttribute("href"))!;
  // A member finds the group's thread by search…
  const search = async () => {
    await page.goto("/community/search");
    await page.getByLabel("Що шукаєте").fill("шахрайські повідомлення");
    await page.getByRole("button", { name: "Шукати" }).click();
    await expect(page).toHaveURL(/q=/);
  };
  await search();
  await expect(page.getByRole("link", { name: "План на місяць: паролі й шахрайські повідомлення" })).toBeVisible();
  await expectAccessible();

  const outsider = await factory.person({ roles: ["LEARNER"], place: await factory.demoPlace("UA-53") });
  await signIn(outsider);
  await page.goto("/community");
  await expect(page.getByRole("heading", { level: 2, name: "Інші закриті групи" })).toBeVisible();
  await expect(page.getByText("Наставницька група куратора")).toBeVisible();
  await expect(page.getByRole("link", { name: "Наставницька група куратора" })).toHaveCount(0);
  await expectAccessible();
  const space = await page.goto("/community/curator-group");
  expect(space?.status()).toBe(404);
  await expectAccessible();
  const thread = await page.goto(threadUrl);
  expect(thread?.status()).toBe(404);
  await expect(page.getByText("План на місяць")).toHaveCount(0);
  await expectAccessible();
  // …an outsider's search does not find it.
  await search();
  await expect(page.getByText("Нічого не знайдено.")).toBeVisible();
  await expect(page.getByText("План на місяць")).toHaveCount(0);
  await expectAccessible();
});
