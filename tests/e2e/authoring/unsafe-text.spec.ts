import { test, expect, uniqueSuffix } from "../fixtures/test";
import { startItemFromDesk } from "../fixtures/authoring";

const UNSAFE = ["<script>alert(1)</script>", "{process.env}", '<img src="x" onerror="alert(1)" />'];

test("unsafe MDX typed into the editor is refused whole: the error page says so, nothing runs, and the stored draft stays as it was", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(await factory.person({ roles: ["METHODOLOGIST"] }));
  await page.goto("/authoring");
  await expectAccessible();
  const editorPath = await startItemFromDesk(page, "lesson", `Безпечний текст ${uniqueSuffix()}`);
  const area = page.locator("#item-text");
  const stored = await area.inputValue();
  const revision = await page.locator('form[action$="/draft"] input[name="revision"]').inputValue();
  await expectAccessible();

  for (const unsafe of UNSAFE) {
    await area.fill(`${stored}\n${unsafe}\n`);
    const answer = page.waitForResponse((r) => r.url().endsWith(`${editorPath.replace("/authoring/", "/api/v1/authoring/items/")}/draft`));
    await page.getByRole("button", { name: "Зберегти чернетку" }).click();
    expect((await answer).status(), unsafe).toBe(422);
    await expect(page.getByRole("heading", { level: 1, name: "Не вдалося виконати дію" })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveText("Текст містить небезпечні або заборонені частини — нічого не збережено. Виправте позначені рядки.");
    await expectAccessible();

    // Back to the editor: the stored draft is the old one, at the same revision.
    await page.getByRole("link", { name: "Повернутися на сторінку" }).click();
    await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
    await expect(area).toHaveValue(stored);
    await expect(page.locator('form[action$="/draft"] input[name="revision"]')).toHaveValue(revision);
    await expectAccessible();
  }
  expect(dialogs).toEqual([]);
});
