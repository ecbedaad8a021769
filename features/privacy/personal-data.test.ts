import { describe, expect, it } from "vitest";
import uk from "@/messages/uk.json";
import en from "@/messages/en.json";
import { formatMessage } from "@/ui/messages";
import { findPersonalData, hasPersonalData, listPersonalDataKinds, PERSONAL_DATA_KINDS, type PersonalDataKind } from "./personal-data";

// "Today" for the table, so that "до 15.12.2026" stays a coming deadline whenever the tests run.
const now = new Date("2026-11-30T12:00:00Z");

function found(text: string): [PersonalDataKind, string][] {
  return findPersonalData(text, { now }).map((span) => [span.kind, text.slice(span.start, span.end)]);
}

// All people, numbers and addresses below are invented.
const CLIENT_DATA: [text: string, expected: [PersonalDataKind, string][]][] = [
  // phone numbers
  ["Клієнтка (тел. +380 67 123 45 67) не змогла увійти в Дію", [["phone", "+380 67 123 45 67"]]],
  ["Передзвоніть її доньці: 067-123-45-67, вона вдома після шостої", [["phone", "067-123-45-67"]]],
  ["Номер сина (050) 765 43 21, він допоможе з кодом із СМС", [["phone", "(050) 765 43 21"]]],
  ["тел 0971234567 — це номер пана Степана, він просить передзвонити", [["phone", "0971234567"]]],
  ["Онука зараз у Польщі, її номер +48 512 345 678", [["phone", "+48 512 345 678"]]],
  ["Please call her daughter at +38 (093) 111-22-33 after 6 pm", [["phone", "+38 (093) 111-22-33"]]],
  // e-mail addresses
  ["Пошта клієнтки maria.petrenko@ukr.net не приймає листів з Дії", [["email", "maria.petrenko@ukr.net"]]],
  ["Her e-mail is o.koval1950@gmail.com, but she forgot the password", [["email", "o.koval1950@gmail.com"]]],
  // tax numbers, passports, ID cards
  ["РНОКПП 3123456789 не підтягнувся з реєстру", [["taxNumber", "3123456789"]]],
  ["His tax number 2987654321 was rejected by the portal", [["taxNumber", "2987654321"]]],
  ["Паспорт МК 123456 старого зразка — чи приймуть його в ЦНАП?", [["documentNumber", "МК 123456"]]],
  ["ID-картка 001234567 прострочена, а нова ще не готова", [["documentNumber", "001234567"]]],
  ["Her ID card 004567891 expired last month", [["documentNumber", "004567891"]]],
  // bank cards (Luhn) and IBANs
  ["Пенсія приходить на картку 4111 1111 1111 1111, а кешбек ні", [["bankCard", "4111 1111 1111 1111"]]],
  ["Переказ на картку 5168-7573-1234-5673 не пройшов", [["bankCard", "5168-7573-1234-5673"]]],
  ["Client's card 5375414100000008 was blocked after three wrong PINs", [["bankCard", "5375414100000008"]]],
  ["рахунок UA21 3223 1300 0002 6007 2335 6600 1 для переказу", [["iban", "UA21 3223 1300 0002 6007 2335 6600 1"]]],
  ["IBAN UA903052992990004149123456789 for the utility refund", [["iban", "UA903052992990004149123456789"]]],
  // dates of birth
  ["Дата народження: 12.03.1948, а в реєстрі стоїть інша", [["birthDate", "12.03.1948"]]],
  ["Пані Ганна, н. 05/11/1939, просить допомогти із записом у HELSI", [["birthDate", "05/11/1939"]]],
  ["Клієнт народився 1951-07-23, а в застосунку інша дата", [["birthDate", "1951-07-23"]]],
  ["Дідусь 12 березня 1948 року народження, живе сам", [["birthDate", "12 березня 1948"]]],
  ["У картці стоїть 02.10.1962 — це дата народження чи дата візиту?", [["birthDate", "02.10.1962"]]],
  ["Сусідка клієнтки, 12.03.48 р.н., теж хоче навчитися", [["birthDate", "12.03.48"]]],
  ["Онука народилася 14.02.2021, мама питає про виплату", [["birthDate", "14.02.2021"]]],
  ["DOB: March 12, 1948 — the portal says it does not match", [["birthDate", "March 12, 1948"]]],
  ["She was born on 3 April 1952 in a village near Poltava", [["birthDate", "3 April 1952"]]],
  ["Date of birth 07/23/1951 on the old certificate", [["birthDate", "07/23/1951"]]],
  // street addresses with a house number
  ["Живе за адресою вул. Шевченка, 12, сама", [["address", "вул. Шевченка, 12"]]],
  ["Вулиця Героїв Майдану 5-А, кв. 7 — там досі немає світла", [["address", "Вулиця Героїв Майдану 5-А, кв. 7"]]],
  ["Переїхала до доньки на пров. Садовий 3", [["address", "пров. Садовий 3"]]],
  ["Нова адреса: просп. Миру, 15, кв. 40", [["address", "просп. Миру, 15, кв. 40"]]],
  ["Візит на бульв. Лесі Українки 24/2 перенесли", [["address", "бульв. Лесі Українки 24/2"]]],
  ["Бабуся із с. Малі Будища, вул. Центральна 4, просить візит", [["address", "с. Малі Будища, вул. Центральна 4"]]],
  ["Зустрілися на площі Соборній 2 біля аптеки", [["address", "площі Соборній 2"]]],
  ["He lives at 12 Main Street, Apt 4, on the second floor", [["address", "12 Main Street, Apt 4"]]],
  ["Her new address is Shevchenka Street 17, near the school", [["address", "Shevchenka Street 17"]]],
  // full names in the same sentence as a diagnosis or a benefit
  ["Моя клієнтка Оксана Петрівна Коваль, 1948 р.н., отримує субсидію", [["nameWithBenefit", "Оксана Петрівна Коваль"]]],
  ["Іваненко І. П. після інсульту не може сам увійти в Дію", [["nameWithDiagnosis", "Іваненко І. П."]]],
  ["Коваль Оксана має другу групу інвалідності", [["nameWithDiagnosis", "Коваль Оксана"]]],
  ["Петренко Микола Іванович отримує допомогу ВПО з березня", [["nameWithBenefit", "Петренко Микола Іванович"]]],
  ["У Марії Шевчук деменція, а родичі далеко", [["nameWithDiagnosis", "Марії Шевчук"]]],
  ["Чи можна оформити пільгу для Степана Мельника через Дію?", [["nameWithBenefit", "Степана Мельника"]]],
  ["О.П. Бондар просить перерахувати пенсію", [["nameWithBenefit", "О.П. Бондар"]]],
  ["Для пані Ганни Ткачук потрібна соціальна допомога на проживання", [["nameWithBenefit", "Ганни Ткачук"]]],
  ["Вчора Олена Сидоренко-Бойко розповіла, що в неї ВІЛ", [["nameWithDiagnosis", "Олена Сидоренко-Бойко"]]],
  ["Oksana Koval, who has diabetes, cannot read the SMS code", [["nameWithDiagnosis", "Oksana Koval"]]],
  ["Mary Smith receives a housing subsidy and asks about the new rules", [["nameWithBenefit", "Mary Smith"]]],
  // several at once, in reading order
  [
    "Ткаченко Галина, 12.03.1948, тел. 067 123 45 67, вул. Садова 8",
    [
      ["birthDate", "12.03.1948"],
      ["phone", "067 123 45 67"],
      ["address", "вул. Садова 8"],
    ],
  ],
  [
    "Оксана Петрівна Коваль має діабет, живе на вул. Шевченка, 12, картка 4111 1111 1111 1111",
    [
      ["nameWithDiagnosis", "Оксана Петрівна Коваль"],
      ["address", "вул. Шевченка, 12"],
      ["bankCard", "4111 1111 1111 1111"],
    ],
  ],
];

const NOT_CLIENT_DATA: string[] = [
  // public service numbers
  "Гаряча лінія уряду — 1545, дзвоніть з будь-якого телефону",
  "Безкоштовна лінія Пенсійного фонду 0 800 503 753",
  "Дзвоніть на 0-800-300-450 з питань субсидій",
  "Зателефонуйте (0 800) 213 103 — це безкоштовно",
  "Toll-free line 0800505560 answers on weekdays",
  "Пожежна — 101, поліція — 102, швидка — 103, єдиний номер — 112",
  "Короткий номер 1548 працює цілодобово",
  "Call 112 in an emergency or the government hotline 1545",
  // prices, years, counts, percentages, times, versions, codes
  "Допомога 2000 грн, 5 хв очікування",
  "Субсидія склала 1500 грн на місяць",
  "Разом 2 500,00 грн за комунальні послуги",
  "З 2026 року меню інше",
  "У 2024 році до ЦНАП звернулися 1 250 осіб",
  "75,7 % працівників консультували клієнтів щодо Дії",
  "За місяць 1 205 звернень, 34 % з них щодо субсидій",
  "Прийом з 9:00 до 17:00, перерва 13.00–14.00",
  "Відео триває 3:45, а урок — 5 хвилин",
  "Версія застосунку 4.2.1 не показує кнопку",
  "Крок 3 виглядає інакше: кнопка «Увійти» тепер угорі",
  "Код 1234 не приймає",
  "ЄДРПОУ 12345678 — код установи, не людини",
  "Номер заявки 1234 5678 9012 3456 у системі",
  "Площа громади 345 км², населення 12 400 осіб",
  "The fee is 1,500 UAH, and 25% of clients pay it",
  "Step 3 of 12: open the Diia app and tap Sign in",
  // lesson and guide ids
  "Пройдіть урок [[lesson:diia-sign-in]] перед консультацією",
  "Інструкція [[guide:helsi-declaration-2024]] допомогла з декларацією",
  "Use the guide diia-sign-in before the meeting",
  // dates of events, not of birth
  "Документи треба подати до 15.12.2026",
  "Зустріч 03.12.2026 о 10:30 у ЦНАП",
  "Сесія ради 12.11.2025 ухвалила програму",
  "Заявки приймаємо до 20 грудня 2026 року",
  "Свідоцтво про народження подати до 15.12.2026",
  "Тарас Шевченко народився 9 березня 1814 року",
  "The deadline is 15/12/2026",
  "Meeting on December 3, 2026 at 10:30",
  // names without a diagnosis or a benefit, and diagnoses or benefits without a full name
  "Клієнтка Оксана має діабет, як їй допомогти з HELSI?",
  "Марія Іванівна отримує пенсію і дуже вдячна за допомогу",
  "Прийшла Оксана з інсультом після лікарні",
  "Олена Коваль провела тренінг про Google Forms",
  "Вона має діабет. Оксана Коваль, її сусідка, допомогла із заявою.",
  "Бабуся отримує пенсію на картку, але забула PIN",
  "Пенсійний фонд оновив форму заяви на субсидію",
  "Mary has diabetes and needs help with the app",
  // streets without a house number, numbers without a street
  "Наша громада — на вулиці Шевченка, поруч із ЦНАП",
  "На вулиці холодно вже 5 днів, люди сидять вдома",
  "вул. Шевченка без номера в реєстрі не знаходиться",
  "Room 12 in the Main Building",
];

describe("client personal data in forum text", () => {
  it("has at least 40 examples of each side", () => {
    expect(CLIENT_DATA.length).toBeGreaterThanOrEqual(40);
    expect(NOT_CLIENT_DATA.length).toBeGreaterThanOrEqual(40);
    const kindsCovered = new Set(CLIENT_DATA.flatMap(([, expected]) => expected.map(([kind]) => kind)));
    expect([...kindsCovered].sort()).toEqual(PERSONAL_DATA_KINDS.map(({ kind }) => kind).sort());
  });

  it.each(CLIENT_DATA)("finds it in %s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(NOT_CLIENT_DATA)("leaves alone %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("reads a date near «народження» as a birth date even when it is recent, but never a future one", () => {
    expect(found("Дата народження дитини 05.06.2020")).toEqual([["birthDate", "05.06.2020"]]);
    expect(found("Зустріч 05.06.2020 у ЦНАП")).toEqual([]);
    expect(found("народження зареєструвати до 05.06.2027")).toEqual([]);
    expect(found("Дата 31.02.1950 не існує")).toEqual([]);
  });

  it("uses today's date when none is given", () => {
    expect(findPersonalData("н. 12.03.1948")).toEqual([{ kind: "birthDate", start: 3, end: 13 }]);
  });
});

describe("answers for callers", () => {
  it("lists each kind once, in reading order, and says whether there is anything at all", () => {
    const text = "тел. 067 123 45 67, ще один 050 765 43 21, пошта a.b@ukr.net";
    expect(listPersonalDataKinds(text)).toEqual(["phone", "email"]);
    expect(hasPersonalData(text)).toBe(true);
    expect(hasPersonalData("Крок 3 виглядає інакше")).toBe(false);
  });

  it("still refuses what curator messages and walkthrough reports refused", () => {
    for (const text of ["Як у справі пані Ірини, РНОКПП 3012345678", "пошта maria.petrenko@ukr.net", "паспорт МК 123456, ID-картка 001234567"]) {
      expect(findPersonalData(text).length).toBeGreaterThan(0);
    }
  });

  it("names every kind in both message files", () => {
    for (const { messageKey } of PERSONAL_DATA_KINDS) {
      expect(formatMessage(uk, messageKey)).not.toBe(messageKey);
      expect(formatMessage(en, messageKey)).not.toBe(messageKey);
    }
    expect(formatMessage(uk, "privacy.reminder")).not.toBe("privacy.reminder");
  });
});

describe("speed", () => {
  // Patterns that backtrack catastrophically take seconds on inputs like these; linear ones take milliseconds.
  const LENGTH = 20_000;
  const adversarial: [name: string, text: string][] = [
    ["digits and separators", "0 1-2 (3) 4.5/6 ".repeat(LENGTH / 16)],
    ["a long word with no @", `${"a.b-c+d".repeat(LENGTH / 7)} @`],
    ["almost e-mails", "a@b".repeat(LENGTH / 3)],
    ["almost dates", "12.03.12.03.".repeat(LENGTH / 12)],
    ["street markers without numbers", "вул. Шевченка Героїв Майдану ".repeat(LENGTH / 29)],
    ["street markers glued together", "вул.".repeat(LENGTH / 4)],
    ["capitalised words in one sentence with a diagnosis", `діабет ${"Оксана Петрівна Коваль І. ".repeat(LENGTH / 26)}`],
    ["kebab-case that never ends", `${"a-".repeat(LENGTH / 2)}_`],
    ["plus signs and digits", "+3 8+0 ".repeat(LENGTH / 7)],
    ["almost IBANs", "UA1 2 3 4 5 6 7 8 9 ".repeat(LENGTH / 20)],
    ["full stops", ". ".repeat(LENGTH / 2)],
    ["real client data everywhere", "Коваль Оксана, 12.03.1948, діабет, вул. Шевченка 12, +380671234567. ".repeat(LENGTH / 70)],
  ];

  it.each(adversarial)("scans 20,000 characters of %s in well under 200 ms", (_name, text) => {
    expect(text.length).toBeGreaterThan(LENGTH * 0.95);
    const started = performance.now();
    findPersonalData(text, { now });
    expect(performance.now() - started).toBeLessThan(200);
  });
});
