import { describe, expect, it } from "vitest";
import { HANDLE_PATTERN, handleBase, normalizeHandle, transliterateUk } from "./handles";

/** The examples of the 2010 table itself (Cabinet of Ministers resolution No. 55), and names. */
const OFFICIAL: [string, string][] = [
  ["Алушта", "Alushta"],
  ["Андрій", "Andrii"],
  ["Борщагівка", "Borshchahivka"],
  ["Вінниця", "Vinnytsia"],
  ["Гадяч", "Hadiach"],
  ["Згорани", "Zghorany"],
  ["Розгон", "Rozghon"],
  ["Ґалаґан", "Galagan"],
  ["Рівне", "Rivne"],
  ["Єнакієве", "Yenakiieve"],
  ["Гайворон", "Haivoron"],
  ["Наталія", "Nataliia"],
  ["Житомир", "Zhytomyr"],
  ["Закарпаття", "Zakarpattia"],
  ["Медвин", "Medvyn"],
  ["Іршава", "Irshava"],
  ["Їжакевич", "Yizhakevych"],
  ["Кадиївка", "Kadyivka"],
  ["Йосипівка", "Yosypivka"],
  ["Стрий", "Stryi"],
  ["Олексій", "Oleksii"],
  ["Київ", "Kyiv"],
  ["Миколаїв", "Mykolaiv"],
  ["Ніжин", "Nizhyn"],
  ["Одеса", "Odesa"],
  ["Ужгород", "Uzhhorod"],
  ["Харків", "Kharkiv"],
  ["Біла Церква", "Bila Tserkva"],
  ["Чернівці", "Chernivtsi"],
  ["Гоща", "Hoshcha"],
  ["Русь", "Rus"],
  ["Юрій", "Yurii"],
  ["Корюківка", "Koriukivka"],
  ["Яготин", "Yahotyn"],
  ["Костянтин", "Kostiantyn"],
  ["Знам'янка", "Znamianka"],
  ["Знам’янка", "Znamianka"],
  ["Феодосія", "Feodosiia"],
  ["Щербак", "Shcherbak"],
  ["Ганна", "Hanna"],
  ["Щербак Юлія", "Shcherbak Yuliia"],
];

describe("transliterateUk (KMU No. 55, 2010)", () => {
  it.each(OFFICIAL)("%s → %s", (uk, latin) => {
    expect(transliterateUk(uk)).toBe(latin);
  });

  it("writes є, ї, й, ю, я one way at the start of a word and another inside it", () => {
    expect(transliterateUk("Яна Ярина")).toBe("Yana Yaryna");
    expect(transliterateUk("Мар'яна Юрченко-Ющенко")).toBe("Mariana Yurchenko-Yushchenko");
    expect(transliterateUk("Їжак і Йосип")).toBe("Yizhak i Yosyp");
  });

  it("keeps capitals, Latin letters, digits and punctuation", () => {
    expect(transliterateUk("ЩЕРБАК")).toBe("SHCHERBAK");
    expect(transliterateUk("Olena 2 Оля!")).toBe("Olena 2 Olia!");
  });
});

describe("handleBase", () => {
  it.each([
    ["Щербак Юлія", "shcherbak.yuliia"],
    ["Ганна", "hanna"],
    ["Оксана Петрівна-Коваль", "oksana.petrivna.koval"],
    ["  Мар'яна   Зґурська ", "mariana.zgurska"],
    ["Анна-Марія Костянтинівна Вишневецька", "anna.mariia.kostiantyniv"],
    ["Olena Smith", "olena.smith"],
    ["Ю", "yu"],
    ["Ь", "user"],
    ["漢字", "user"],
    ["", "user"],
  ])("%j → %s", (name, handle) => {
    expect(handleBase(name)).toBe(handle);
  });

  it("always gives a handle a mention can name (2–24 characters, no dot at either end)", () => {
    for (const [name] of OFFICIAL) {
      const handle = handleBase(name);
      expect(handle).toMatch(/^[a-z0-9][a-z0-9._-]{0,22}[a-z0-9]$/);
    }
  });
});

describe("a chosen handle", () => {
  it.each([
    ["@Hanna.K", "hanna.k", true],
    ["  shcherbak_y ", "shcherbak_y", true],
    ["ab", "ab", false],
    ["hanna.", "hanna.", false],
    [".hanna", ".hanna", false],
    ["ганна", "ганна", false],
    ["a".repeat(31), "a".repeat(31), false],
    ["han na", "han na", false],
  ])("%j → %j (valid: %s)", (input, normalized, valid) => {
    expect(normalizeHandle(input)).toBe(normalized);
    expect(HANDLE_PATTERN.test(normalizeHandle(input))).toBe(valid);
  });
});
