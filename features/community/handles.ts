/**
 * Handles for @mentions (decision 025). A person's handle is given from their name when the account
 * is made — by the database (`skh_handle_base` and a trigger in the migration
 * 20261201110000_community_drafts_mentions), so every way of creating a person gets one — and can be
 * changed on the profile page. This module is the TypeScript mirror of that SQL function (a test
 * checks both give the same answer) and the rule a chosen handle must follow. Pure: used by the
 * server and the profile form alike.
 */

/**
 * The official Ukrainian–Latin transliteration of 2010 (Cabinet of Ministers resolution No. 55):
 * є, ї, й, ю, я are written ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere;
 * "зг" is "zgh"; the soft sign and the apostrophe are left out.
 */
const LETTERS: Record<string, string | [initial: string, inside: string]> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: ["ye", "ie"],
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: ["yi", "i"],
  й: ["y", "i"],
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: ["yu", "iu"],
  я: ["ya", "ia"],
  // Letters of names written the Russian way.
  ё: ["yo", "io"],
  ы: "y",
  э: "e",
  ъ: "",
};
const APOSTROPHES = new Set(["'", "’", "ʼ", "`"]);

/** Ukrainian Cyrillic to Latin by the 2010 table, keeping capitals ("Щербак" → "Shcherbak"); other characters stay. */
export function transliterateUk(text: string): string {
  let out = "";
  let previous = "";
  let previousIsLetter = false;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const rule = LETTERS[lower];
    let latin: string;
    if (rule === undefined) {
      latin = APOSTROPHES.has(ch) && previousIsLetter ? "" : ch;
    } else if (lower === "г" && previous === "з") {
      latin = "gh";
    } else {
      latin = typeof rule === "string" ? rule : previousIsLetter ? rule[1] : rule[0];
    }
    if (ch !== lower && latin) latin = latin[0]!.toUpperCase() + (isUpperWord(text, ch) ? latin.slice(1).toUpperCase() : latin.slice(1));
    out += latin;
    // As the SQL mirror counts it: Cyrillic of the table, Latin letters and digits are word characters.
    previousIsLetter = APOSTROPHES.has(ch) ? previousIsLetter : rule !== undefined || /[a-z0-9]/i.test(ch);
    previous = lower;
  }
  return out;
}

/** A word in capitals ("ЩЕРБАК") stays in capitals ("SHCHERBAK"). */
function isUpperWord(text: string, ch: string): boolean {
  const word = text.split(/[^\p{L}'’ʼ`]+/u).find((w) => w.includes(ch)) ?? "";
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** A readable address part from a Ukrainian or English name: "Держпослуги онлайн" → "derzhposluhy-onlain". */
export function kebabFromName(name: string, max: number): string {
  return transliterateUk(name)
    .toLowerCase()
    .replace(/['’ʼ`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

export const HANDLE_BASE_MAX = 24;

/**
 * The handle a name suggests (the database adds "-<number>" when it is taken): lower-case Latin,
 * words joined by ".", at most 24 characters, "user" when nothing is left. Mirrors `skh_handle_base`.
 */
export function handleBase(name: string): string {
  const latin = transliterateUk(name)
    .toLowerCase()
    .replace(/['’ʼ`]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
  const cut = latin.length > HANDLE_BASE_MAX ? latin.slice(0, HANDLE_BASE_MAX).replace(/^\.+|\.+$/g, "") : latin;
  return cut.length < 2 ? "user" : cut;
}

/** A handle people choose: 3–30 of a–z, 0–9, ".", "_", "-", starting and ending with a letter or digit. */
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{1,28}[a-z0-9]$/;
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/** What a person typed, as a handle: without a leading "@", trimmed, in lower case. */
export function normalizeHandle(input: string): string {
  return input.trim().replace(/^@/, "").toLowerCase();
}
