/**
 * Word lists the personal-data detector leans on. They are deliberately short: the detector asks
 * the author to look again, it does not decide alone, so a common name or a common diagnosis is
 * enough — an exhaustive dictionary would only slow it down on old phones.
 */

/** Common Ukrainian first names, nominative; case forms are matched by stem (see `isFirstName`). */
const UKRAINIAN_FIRST_NAMES = [
  "Оксана", "Олена", "Марія", "Ірина", "Наталія", "Наталя", "Тетяна", "Світлана", "Галина", "Ганна",
  "Людмила", "Валентина", "Ніна", "Лідія", "Надія", "Катерина", "Юлія", "Ольга", "Вікторія", "Анна",
  "Віра", "Любов", "Раїса", "Зінаїда", "Тамара", "Алла", "Лариса", "Інна", "Антоніна",
  "Євгенія", "Софія", "Дарина", "Христина", "Мирослава", "Ярослава", "Богдана", "Уляна", "Зоя", "Параска",
  "Іван", "Петро", "Микола", "Олександр", "Сергій", "Володимир", "Василь", "Андрій", "Юрій", "Дмитро",
  "Михайло", "Віктор", "Тарас", "Богдан", "Степан", "Олег", "Ігор", "Роман", "Павло", "Анатолій",
  "Григорій", "Олексій", "Максим", "Євген", "Костянтин", "Валерій", "Віталій", "Геннадій", "Леонід", "Ярослав",
  "Остап", "Назар", "Денис", "Артем", "Ілля", "Федір", "Семен", "Йосип", "Борис", "Мирослав",
];

/** Case endings a Ukrainian first name takes after its stem: Оксан|и, Петр|ові, Марі|єю, Андрі|я. */
const UKRAINIAN_NAME_ENDINGS = new Set([
  "", "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "й", "ові", "еві", "єві", "ом", "ем", "єм", "ою", "ею", "єю",
]);

/** Transliterated Ukrainian and common English first names, matched exactly. */
const LATIN_FIRST_NAMES = new Set([
  "Oksana", "Olena", "Maria", "Mariia", "Iryna", "Natalia", "Nataliia", "Tetiana", "Svitlana", "Halyna",
  "Hanna", "Liudmyla", "Valentyna", "Nina", "Lidiia", "Nadiia", "Kateryna", "Yulia", "Yuliia", "Olha",
  "Viktoriia", "Anna", "Vira", "Liubov", "Ivan", "Petro", "Mykola", "Oleksandr", "Serhii", "Volodymyr",
  "Vasyl", "Andrii", "Yurii", "Dmytro", "Mykhailo", "Viktor", "Taras", "Bohdan", "Stepan", "Oleh",
  "Ihor", "Roman", "Pavlo", "Anatolii", "Hryhorii", "Oleksii", "Maksym", "Yevhen",
  "John", "Mary", "James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
  "Charles", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Sarah", "Margaret", "Helen",
  "Anne", "Peter", "Paul", "George", "Emma", "Olivia",
]);

const UKRAINIAN_NAME_STEMS: ReadonlyMap<string, number> = (() => {
  const stems = new Map<string, number>();
  for (const name of UKRAINIAN_FIRST_NAMES) {
    const stem = /[аяоьй]$/u.test(name) ? name.slice(0, -1) : name;
    if (stem.length >= 3) stems.set(stem, stem.length);
  }
  return stems;
})();

const LONGEST_ENDING = 3;

/** "Оксана", "Оксани", "Петрові", "Марією", "Oksana" — but not "Іваненко" or "Іванів" (surnames). */
export function isFirstName(word: string): boolean {
  if (LATIN_FIRST_NAMES.has(word)) return true;
  for (let cut = word.length; cut >= word.length - LONGEST_ENDING && cut >= 3; cut--) {
    if (UKRAINIAN_NAME_STEMS.has(word.slice(0, cut)) && UKRAINIAN_NAME_ENDINGS.has(word.slice(cut))) return true;
  }
  return false;
}

/** Петрівна, Петрівни, Іванович, Івановичу, Сергіївною; Petrivna, Ivanovych. */
export const PATRONYMIC = /^\p{Lu}\p{Ll}{2,}(?:ович|евич|івн|ївн|ovych|evych|ivn|yivn)\p{Ll}{0,3}$/u;

/**
 * Capitalised words that are not surnames though they sit next to names: services, apps, funds, and
 * the words that open a sentence before a first name ("Клієнтка Оксана…", "Сьогодні Марія…").
 */
export const NOT_A_SURNAME = new Set([
  "Клієнтка", "Клієнт", "Клієнтці", "Клієнтові", "Пані", "Пан", "Бабуся", "Бабусі", "Бабця", "Дідусь", "Мати", "Мама",
  "Батько", "Тато", "Донька", "Дочка", "Син", "Сусідка", "Сусід", "Жінка", "Чоловік", "Колега", "Колезі", "Подопічна",
  "Подопічний", "Отримувачка", "Отримувач", "Сьогодні", "Вчора", "Завтра", "Тепер", "Зараз", "Потім", "Також", "Тоді",
  "Коли", "Якщо", "Чому", "Але", "Ще", "Вже", "Лише", "Тільки", "Наша", "Наш", "Наші", "Моя", "Мій", "Мої", "Ця", "Цей",
  "Ці", "Її", "Його", "Їхня", "Для", "Від", "До", "Про", "При", "Після", "Через", "Допоможіть", "Підкажіть", "Дякую",
  "Привіт", "Добрий", "Шановна", "Шановний", "Client", "Mrs", "Mr", "Ms", "Dear", "Hello", "When", "Her", "His", "The",
  "This", "Then", "Also", "Today", "Yesterday", "My", "Our", "Grandma", "Grandpa",
  "Дія", "Дії", "Дію", "Дією", "Пенсійний", "Пенсійного", "Пенсійному", "Фонд", "Фонду", "Україна", "України",
  "Укрпошта", "Укрпошти", "Ощадбанк", "Ощадбанку", "Київ", "Києва", "Google", "Viber", "Telegram", "Zoom",
  "Meet", "Skype", "Facebook", "Instagram", "YouTube", "Helsi", "Kyiv", "Diia", "Forms", "Docs",
]);

/** Diagnoses and conditions, Ukrainian and English, matched at a word start. */
export const DIAGNOSIS =
  /(?<!\p{L})(?:діабет|інсульт|інфаркт|онкол|рак(?:у|ом|ові)?(?!\p{L})|пухлин|метастаз|хіміотерап|туберкульоз|гепатит|цироз|деменц|альцгеймер|паркінсон|епілепс|шизофрен|біполярн|психічн\p{L}*\s+розлад|депресі|інвалідн|аутизм|синдром\s+дауна|астм|алкоголізм|алкогольн\p{L}*\s+залежн|наркозалежн|наркоман|лежач|паліатив|діагноз|хворіє|хвороб|незряч|порушення\s+(?:слуху|зору)|ампутац|diabet|stroke|heart\s+attack|cancer|oncolog|tumou?r|chemotherap|tubercul|hepatitis|cirrhosis|dementia|alzheimer|parkinson|epilep|schizophren|bipolar|mental\s+illness|depression|disabilit|disabled|cerebral\s+palsy|autis|asthma|alcoholi|addict|bedridden|palliative|diagnos)/iu;

/** Abbreviations that are written in capitals and would be other words in lower case (віл — an ox). */
export const DIAGNOSIS_ABBREVIATIONS = /(?<!\p{L})(?:ВІЛ|СНІД|ДЦП|HIV|AIDS|COVID)(?!\p{L})/u;

/** Benefits, payments and the IDP status, Ukrainian and English. */
export const BENEFIT =
  /(?<!\p{L})(?:субсиді|пенсі(?:я|ї|ю|єю)(?!\p{L})|пенсіонер|пільг|виплат|(?:соціальн|державн|грошов|адресн)\p{L}*\s+допомог|допомог\p{L}*\s+(?:ВПО|по\s+інвалідності|на\s+дітей|при\s+народженні|на\s+проживання|по\s+догляду|малозабезпеченим)|(?:статус|довідк)\p{L}*\s+ВПО|малозабезпечен|компенсаці|аліменти|опікун|subsid|pension|benefit|allowance|welfare|social\s+assistance|IDP\s+(?:assistance|payment|status|certificate)|housing\s+assistance|low-income|alimony)/iu;

/**
 * Words after which a full stop does not end a sentence: "вул. Шевченка", "с. Малі Будища",
 * "1948 р.н. отримує". Single letters (initials, "р.", "н.") are handled separately.
 */
/** Past and present verb endings: a sentence-opening "Прийшла Оксана…" is not "surname + name". */
export const VERB_ENDING = /(?:ла|ли|ло|лась|лася|вся|ває|ує|ає|є|ють|ять|ть|ться|ed|es)$/u;

export const ABBREVIATIONS = new Set([
  "вул", "пров", "просп", "бульв", "пл", "наб", "буд", "кв", "корп", "смт", "обл", "ім", "св", "тел", "напр", "див",
  "ст", "гр", "мкр", "Mr", "Mrs", "Ms", "Dr", "St", "Ave", "Apt", "No", "vs", "vul", "prov", "prosp",
]);
