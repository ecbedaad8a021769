import { describe, expect, it } from "vitest";
import { byTitle } from "./assign-order";

const items = (...titles: string[]) => titles.map((title, i) => ({ title, value: `id-${i}` }));

describe("titles in the curator's alphabet", () => {
  it("orders Ukrainian titles as the alphabet does, not by code point, and ignores quotes", () => {
    const sorted = items(
      "Їжа онлайн",
      "Безпечні паролі",
      "Інтернет-банкінг",
      "«Вам нараховано допомогу»",
      "Ґаджети",
      "Єдине вікно",
      "Гугл-форми",
      "Ефір у Zoom",
      "Ваш кабінет",
    )
      .sort(byTitle("uk"))
      .map((i) => i.title);
    expect(sorted).toEqual([
      "Безпечні паролі",
      "«Вам нараховано допомогу»",
      "Ваш кабінет",
      "Гугл-форми",
      "Ґаджети",
      "Ефір у Zoom",
      "Єдине вікно",
      "Інтернет-банкінг",
      "Їжа онлайн",
    ]);
    // What the plain comparison would have done: Є, І and Ї before everything else.
    expect(items("Безпечні паролі", "Єдине вікно").sort((a, b) => (a.title < b.title ? -1 : 1))[0]!.title).toBe("Єдине вікно");
  });

  it("orders English titles in English and breaks ties by id", () => {
    expect(
      items("zoom calls", "Apps", "Zoom calls")
        .sort(byTitle("en"))
        .map((i) => i.value),
    ).toEqual(["id-1", "id-0", "id-2"]);
  });
});
