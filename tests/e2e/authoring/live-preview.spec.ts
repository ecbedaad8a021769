import { test, expect, uniqueSuffix } from "../fixtures/test";
import { startItemFromDesk } from "../fixtures/authoring";

test("the live preview saves the draft when typing pauses, redraws it beside the editor, and the form's own save still works", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const poltava = await factory.demoPlace("UA-53");
  const author = await factory.person({ roles: ["METHODOLOGIST"], place: poltava });
  await signIn(author);
  await page.goto("/authoring");
  await expectAccessible();
  await startItemFromDesk(page, "note", `Порядок виїзного прийому ${uniqueSuffix()}`);

  await expect(page.getByRole("toolbar", { name: "Вставити компонент" })).toBeVisible();
  await page.getByRole("button", { name: "Показувати перегляд поруч" }).click();
  await expect(page.getByRole("button", { name: "Сховати перегляд" })).toHaveAttribute("aria-pressed", "true");
  const editor = page.locator("#item-text");
  const sentence = "Напередодні виїзду зарядіть ноутбук і павербанк.";
  await editor.fill(`${await editor.inputValue()}\n${sentence}\n`);
  await expect(page.getByRole("status").filter({ hasText: /Збережено о/ })).toBeVisible();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Живий перегляд" }) })).toContainText(sentence);
  await expectAccessible();

  // Something unsafe is not saved, and says so at its line.
  await editor.fill(`${await editor.inputValue()}\n<script>alert(1)</script>\n`);
  await expect(page.getByRole("status").filter({ hasText: "останні зміни не збережено" })).toBeVisible();
  await editor.fill((await editor.inputValue()).replace("<script>alert(1)</script>\n", ""));
  await expect(page.getByRole("status").filter({ hasText: /Збережено о/ })).toBeVisible();

  // The form's Save compares against the revision the live preview advanced: no conflict.
  await editor.fill(`${await editor.inputValue()}\nВізьміть роздруковані інструкції.\n`);
  await page.getByRole("button", { name: "Зберегти чернетку" }).click();
  await expect(page).toHaveURL(/\/authoring\/[^/]+$/);
  await expect(editor).toHaveValue(/Візьміть роздруковані інструкції\./);
  await expect(editor).toHaveValue(new RegExp(sentence.replace(/\./g, "\\.")));
});
