import "server-only";
import type { AppLocale } from "./i18n";

/**
 * People's names inside Ukrainian sentences: «повідомлення від Оксани Ткачук», «з Олегом Ткачуком»,
 * «Вітаємо, Оксано Ткачук!». We store a name as one string and no gender, so the given name tells
 * the gender (the `shevchenko` library's dictionary, or a patronymic) and the library declines the
 * parts. A name that does not read as a Ukrainian «Ім'я Прізвище», «Прізвище Ім'я» or a name with a
 * patronymic (Latin letters, a suffix, an unknown given name, an initial…) stays as written; so does
 * every name in English. Nothing here throws.
 */
export type NameCase = "genitive" | "dative" | "instrumental" | "vocative";

/**
 * Message variables ask for a case by suffix: `{curatorGen}` is `curator` in the genitive. Only our
 * own fillers (notifications, mail) derive them; next-intl callers pass the declined value.
 */
const CASE_OF_SUFFIX: Record<string, NameCase> = { Gen: "genitive", Dat: "dative", Ins: "instrumental", Voc: "vocative" };

type Shevchenko = typeof import("shevchenko");
type Gender = Awaited<ReturnType<Shevchenko["detectGender"]>>;

// Ukrainian letters only: Russian ё, ъ, ы, э (and any Latin letter) make a name "not Ukrainian-looking".
const LETTER = "[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ]";
const WORD = new RegExp(`^${LETTER}+(?:'${LETTER}+)*(?:-${LETTER}+(?:'${LETTER}+)*)*$`);
const MASCULINE_PATRONYMIC = /[иі]ч$/i;
const FEMININE_PATRONYMIC = /(?:[іїо]вна|[іи]чна)$/i;
const APOSTROPHES = /[’ʼ`]/g;

let library: Promise<Shevchenko | null> | null = null;

/** Loaded on first use (it brings a small TensorFlow.js model for family names): pages without names never pay for it. */
function loadLibrary(): Promise<Shevchenko | null> {
  library ??= import("shevchenko").catch((error: unknown) => {
    console.warn(`[name-cases] declension unavailable, names stay as written: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  return library;
}

type Parts = { givenName: string; patronymicName?: string; familyName?: string };
type Parsed = { parts: Parts; order: (keyof Parts)[]; gender: NonNullable<Gender> };

function patronymicGender(lib: Shevchenko, word: string | undefined): Gender {
  if (word && MASCULINE_PATRONYMIC.test(word)) return lib.GrammaticalGender.MASCULINE;
  return word && FEMININE_PATRONYMIC.test(word) ? lib.GrammaticalGender.FEMININE : null;
}

/**
 * Which word is which, in the order written, and the gender its given name tells; null when the
 * name is not one we can decline. A word counts as a patronymic only when it agrees with the given
 * name (Ганна Петрович is a woman with the family name Петрович, not a patronymic).
 */
async function parseName(lib: Shevchenko, words: string[]): Promise<Parsed | null> {
  const genderOf = (givenName: string | undefined) => (givenName ? lib.detectGender({ givenName }) : Promise.resolve(null));
  const candidates: (keyof Parts)[][] =
    words.length === 1
      ? [["givenName"]]
      : words.length === 2
        ? [
            ["givenName", "patronymicName"],
            ["givenName", "familyName"],
            ["familyName", "givenName"],
          ]
        : words.length === 3
          ? [
              ["givenName", "patronymicName", "familyName"],
              ["familyName", "givenName", "patronymicName"],
            ]
          : [];
  for (const order of candidates) {
    const at = (part: keyof Parts) => words[order.indexOf(part)];
    const gender = await genderOf(at("givenName"));
    if (!gender) continue;
    if (order.includes("patronymicName") && patronymicGender(lib, at("patronymicName")) !== gender) continue;
    const parts = Object.fromEntries(order.map((part, i) => [part, words[i]!])) as Parts;
    return { parts, order, gender };
  }
  return null;
}

async function decline(name: string, nameCase: NameCase): Promise<string> {
  const trimmed = name.trim();
  // Single spaces between at most three words; anything else (line breaks, initials, digits) is as written.
  const words = trimmed.split(" ");
  if (words.length > 3 || words.some((w) => !WORD.test(w.replace(APOSTROPHES, "'")))) return name;
  const lib = await loadLibrary();
  if (!lib) return name;
  // The dictionary knows names with a plain apostrophe; the answer keeps the one the person typed.
  const apostrophe = trimmed.match(APOSTROPHES)?.[0] ?? "'";
  const parsed = await parseName(
    lib,
    words.map((w) => w.replace(APOSTROPHES, "'")),
  );
  if (!parsed) return name;
  const input = { ...parsed.parts, gender: parsed.gender };
  const output =
    nameCase === "genitive"
      ? await lib.inGenitive(input)
      : nameCase === "dative"
        ? await lib.inDative(input)
        : nameCase === "instrumental"
          ? await lib.inAblative(input)
          : await lib.inVocative(input);
  const declined = parsed.order.map((part) => output[part]);
  if (declined.some((w) => typeof w !== "string" || !WORD.test(w))) return name;
  return declined.join(" ").replace(/'/g, apostrophe);
}

/** Declined names, by case and name: a person's name recurs in every notification they cause. */
const cache = new Map<string, Promise<string>>();
const CACHE_SIZE = 5000;

/**
 * `name` as it stands in `nameCase` in a sentence of `locale`: Ukrainian names declined, everything
 * else (English, a foreign or odd name, a failure of the library) exactly as written.
 */
export function nameInCase(name: string, nameCase: NameCase, locale: AppLocale): Promise<string> {
  if (locale !== "uk" || !name) return Promise.resolve(name);
  const key = `${nameCase}\u0000${name}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = decline(name, nameCase).catch(() => name);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * The values a template needs, with every `{xGen}`, `{xDat}`, `{xIns}` or `{xVoc}` it names filled
 * from `x` declined (unless given). For fillers of our own message templates (notifications, mail).
 */
export async function withNameCases(template: string, values: Readonly<Record<string, string>>, locale: AppLocale): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...values };
  for (const [, variable, base, suffix] of template.matchAll(/\{((\w+?)(Gen|Dat|Ins|Voc))\}/g)) {
    const name = values[base!];
    if (out[variable!] !== undefined || name === undefined) continue;
    out[variable!] = await nameInCase(name, CASE_OF_SUFFIX[suffix!]!, locale);
  }
  return out;
}
