// Writes server/auth/common-passwords.txt: the passwords people choose most (decision 047), which
// the app refuses as new passwords. Run after changing the minimum length or the local list below:
//   npx tsx scripts/common-passwords.ts
// Sources: the common-password dictionary of @zxcvbn-ts/language-common 4.1.3 (MIT; ranked lists of
// leaked passwords), and words people here reach for first: the app's and services' names,
// Ukrainian words typed in Latin letters or on the Ukrainian layout, keyboard runs of both layouts.
import { writeFileSync } from "node:fs";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN_LENGTH } from "../server/auth/password";
import { normalisePassword } from "../server/auth/common-passwords";

const LOCAL = [
  // The app, the work and the services learners help with.
  "skhodynky",
  "сходинки",
  "skhodynky2026",
  "сходинки2026",
  "socialworker",
  "соцпрацівник",
  "соцпрацівниця",
  "соціальнийпрацівник",
  "sotsrobitnyk",
  "diiagovua",
  "дія.gov.ua",
  "helsi.me",
  "helsi2026",
  "cnap2026",
  // Ukrainian words, as typed.
  "пароль",
  "пароль1",
  "пароль123",
  "пароль1234",
  "парольпароль",
  "україна",
  "україна1",
  "україна123",
  "ukraine",
  "ukraine1",
  "ukraine123",
  "ukraina",
  "ukraina1",
  "ukraina123",
  "ukrayina",
  "slavaukraini",
  "slavaukraini!",
  "славаукраїні",
  "героямслава",
  "kyiv2026",
  "kyivkyiv",
  "київкиїв",
  "zhytomyr",
  "житомир1",
  "poltava1",
  "полтава1",
  "kharkiv1",
  "lviv2026",
  "odesa2026",
  "ваняваня",
  "привіт123",
  "pryvit123",
  "kohannia",
  "кохання",
  "sonechko",
  "сонечко1",
  "zaichyk1",
  "зайчик1",
  "kotyk123",
  // The Ukrainian layout's keyboard runs, and the Latin words typed on it by mistake.
  "йцукенгшщз",
  "йцукенгш",
  "йцукен123",
  "фівапролдж",
  "фівапрол",
  "ячсмитьбю",
  "1йцукенг",
  "зщшгнекуцй",
  "зфыыцщкв",
  "зфііцщкв",
  "йцукенгшщзхї",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm1",
];

const words = new Set<string>();
for (const word of [...dictionary["passwords-common"], ...LOCAL]) {
  const normal = normalisePassword(word);
  // Shorter ones are refused for their length already.
  if ([...normal].length >= PASSWORD_MIN_LENGTH) words.add(normal);
}
const list = [...words].sort();
writeFileSync(new URL("../server/auth/common-passwords.txt", import.meta.url), `${list.join("\n")}\n`);
console.info(`server/auth/common-passwords.txt: ${list.length} passwords of ${PASSWORD_MIN_LENGTH} characters or more.`);
