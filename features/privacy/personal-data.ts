import { ABBREVIATIONS, BENEFIT, DIAGNOSIS, DIAGNOSIS_ABBREVIATIONS, isFirstName, NOT_A_SURNAME, PATRONYMIC, VERB_ENDING } from "./personal-data-words";

/**
 * Spots the client personal data that most often slips into free text — phone numbers, e-mail
 * addresses, tax numbers (РНОКПП), passport and ID-card numbers, bank cards, IBANs, exact dates of
 * birth, street addresses with a house number, and a full name in the same sentence as a diagnosis
 * or a benefit — and says where it is, so a form can highlight it and ask the author to remove it.
 * It is a reminder, not a proof: it errs towards asking, and the text itself is never logged.
 *
 * Every pattern is linear: no nested unbounded repetition, lookbehinds that let a pattern start only
 * at a token's first character, and bounded repeats, so a 20,000-character post is scanned in
 * milliseconds even on an old phone.
 */

const KINDS = ["phone", "email", "taxNumber", "documentNumber", "bankCard", "iban", "birthDate", "address", "nameWithDiagnosis", "nameWithBenefit"] as const;

export type PersonalDataKind = (typeof KINDS)[number];
export type PersonalDataMessageKey = `privacy.kinds.${PersonalDataKind}`;

/** The kinds in the order a reminder lists them, each with its message key in messages/*.json. */
export const PERSONAL_DATA_KINDS: readonly { kind: PersonalDataKind; messageKey: PersonalDataMessageKey }[] = KINDS.map((kind) => ({
  kind,
  messageKey: `privacy.kinds.${kind}` as const,
}));

/** A found piece of personal data: `text.slice(start, end)` is what to highlight. */
export type PersonalDataSpan = { kind: PersonalDataKind; start: number; end: number };

export type FindPersonalDataOptions = {
  /** "Today", for telling a date of birth from a recent or coming event; the current time by default. */
  now?: Date;
};

type Range = { start: number; end: number };
type Detector = (text: string, now: Date) => PersonalDataSpan[];

const SPACE = "[ \\u00a0]";

// ---------------------------------------------------------------------------------------------
// Numbers

/** Public service numbers are not anyone's data: toll-free 0 800 lines, lesson and guide ids. */
const NOT_PERSONAL: RegExp[] = [
  /(?<![\d+])(?:\+?38[\s-]?)?\(?0[\s-]?800\)?(?:[\s-]?\d){6}(?!\d)/g,
  /\[\[(?:lesson|guide):[^\]\n]{1,200}\]\]/g,
  /(?<![A-Za-z0-9_-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![A-Za-z0-9_-])/g,
];

const IBAN = /(?<![\p{L}\d])UA\d{2}(?:[ \u00a0]?\d){25}(?!\d)/giu;
const BANK_CARD = /(?<!\d)(?:\d{4}[ \u00a0-]?){3}\d{4}(?!\d)/g;
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
/** Ukrainian numbers: +380 67 123 45 67, (067) 123-45-67, 0671234567; any grouping of the last seven digits. */
const UKRAINIAN_PHONE = /(?<![\d+])(?:\+?38[ \u00a0-]?)?\(?0[ \u00a0-]?\(?[3-9]\d\)?(?:[ \u00a0-]?\d){7}(?!\d)/g;
/** A number abroad (a client who left for Poland) is written with its country code. */
const INTERNATIONAL_PHONE = /(?<![\d+])\+\d{1,3}(?:[ \u00a0-]?\(?\d\)?){7,12}(?!\d)/g;
const TAX_NUMBER = /(?<!\d)\d{10}(?!\d)/g;
/** An old passport (МК 123456) or an ID card (9 digits). */
const DOCUMENT_NUMBER = /(?<![\p{L}\d])(?:[A-ZА-ЯІЇЄҐ]{2}[ \u00a0№-]?\d{6}|\d{9})(?![\p{L}\d])/gu;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function spansOf(kind: PersonalDataKind, pattern: RegExp, text: string, accept: (match: RegExpExecArray) => boolean = () => true): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match)) spans.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

const UKRAINIAN_MONTHS = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"];
const ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const ENGLISH_MONTH =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

const DAY_FIRST_DATE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./-]\d)/g;
const YEAR_FIRST_DATE = /(?<![\d./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d|[./-]\d)/g;
const UKRAINIAN_WORDED_DATE = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:-?го)?${SPACE}+(${UKRAINIAN_MONTHS.join("|")})${SPACE}+(\\d{4})(?!\\d)`, "giu");
const ENGLISH_MONTH_FIRST_DATE = new RegExp(`(?<![\\p{L}\\d])${ENGLISH_MONTH}\\.?${SPACE}+(\\d{1,2})(?:st|nd|rd|th)?,?${SPACE}+(\\d{4})(?!\\d)`, "giu");
const ENGLISH_DAY_FIRST_DATE = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?${SPACE}+(?:of${SPACE}+)?${ENGLISH_MONTH}\\.?,?${SPACE}+(\\d{4})(?!\\d)`,
  "giu",
);

/** "народження", "р.н.", "н.", "DOB", "born" close to a date make even a recent date a birth date. */
const BIRTH_MARKER = /(?<!\p{L})(?:народж|народи|н\.|р\.\s?н(?!\p{L})|dob(?!\p{L})|d\.o\.b|born|birth)/iu;
const BIRTH_MARKER_BEFORE = 40;
const BIRTH_MARKER_AFTER = 30;
/** Without a marker, a date less than ten years back is more likely a decision or a visit than a birth. */
const YOUNGEST_AGE_WITHOUT_MARKER = 10;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isPossibleBirthDate(year: number, month: number, day: number, hasMarker: boolean, now: Date): boolean {
  if (year < 1900 || !isCalendarDate(year, month, day)) return false;
  if (year <= now.getUTCFullYear() - YOUNGEST_AGE_WITHOUT_MARKER) return true;
  return hasMarker && Date.UTC(year, month - 1, day) <= now.getTime();
}

/** 48 → 1948 or 2048; only a marked date ("12.03.48 р.н.") is read with a two-digit year. */
function fullYears(year: string): number[] {
  const value = Number(year);
  return year.length === 4 ? [value] : [2000 + value, 1900 + value];
}

function hasBirthMarker(text: string, start: number, end: number): boolean {
  return BIRTH_MARKER.test(text.slice(Math.max(0, start - BIRTH_MARKER_BEFORE), end + BIRTH_MARKER_AFTER));
}

const findBirthDates: Detector = (text, now) => {
  const spans: PersonalDataSpan[] = [];
  const consider = (match: RegExpExecArray, readings: [year: string, month: number, day: number][]) => {
    const start = match.index;
    const end = start + match[0].length;
    const hasMarker = hasBirthMarker(text, start, end);
    const isBirthDate = readings.some(
      ([year, month, day]) => (year.length === 4 || hasMarker) && fullYears(year).some((y) => isPossibleBirthDate(y, month, day, hasMarker, now)),
    );
    if (isBirthDate) spans.push({ kind: "birthDate", start, end });
  };
  const englishMonth = (name: string) => ENGLISH_MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;

  for (const m of text.matchAll(DAY_FIRST_DATE)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // 03/12/1948 is 3 December in Kyiv and March 12 in an English text: either reading counts.
    consider(m, [
      [m[4]!, b, a],
      [m[4]!, a, b],
    ]);
  }
  for (const m of text.matchAll(YEAR_FIRST_DATE)) consider(m, [[m[1]!, Number(m[3]), Number(m[4])]]);
  for (const m of text.matchAll(UKRAINIAN_WORDED_DATE)) consider(m, [[m[3]!, UKRAINIAN_MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])]]);
  for (const m of text.matchAll(ENGLISH_MONTH_FIRST_DATE)) consider(m, [[m[3]!, englishMonth(m[1]!), Number(m[2])]]);
  for (const m of text.matchAll(ENGLISH_DAY_FIRST_DATE)) consider(m, [[m[3]!, englishMonth(m[2]!), Number(m[1])]]);
  return spans;
};

// ---------------------------------------------------------------------------------------------
// Street addresses

const HOUSE_NUMBER = String.raw`(?:(?:буд\.?|будинок|д\.|№|No\.?|#)[ \u00a0]*)?\d{1,4}(?!\d)(?:[-\/]?\p{L}(?!\p{L})|\/\d{1,4}(?!\d))?`;
const APARTMENT = String.raw`(?:,?[ \u00a0]*(?:кв\.?|квартира|к\.|оф\.|офіс|[Aa]pt\.?|[Aa]partment|[Ff]lat|[Uu]nit)[ \u00a0]*\d{1,4}(?!\d)\p{L}?(?!\p{L}))?`;
/** The rest of a street name's word; a full stop only at its end ("Т. Шевченка"), so "вул.вул.вул." stays short. */
const STREET_WORD = String.raw`[\p{L}'’ʼ-]*\.?`;
/** Abbreviated markers ("вул.", "пров.") are unambiguous, so the street name may be written in lower case. */
const ABBREVIATED_STREET = String.raw`(?:[вВ]ул|[пП]ров|[пП]росп|[бБ]ульв|[пП]л|[нН]аб|[мМ]кр|[vV]ul|[pP]rov|[pP]rosp)(?:\.|(?=[ \u00a0]))|[бБ]-р`;
/** Full words ("вулиця", "площа") are also ordinary words, so the street name must be capitalised. */
const STREET_WORDS = String.raw`(?:[вВ]улиц(?:я|і|ю|ею)|[пП]ровул(?:ок|ку|ком)|[пП]роспект(?:і|у|ом)?|[бБ]ульвар(?:і|у|ом)?|[пП]лощ(?:а|і|у|ею)|[нН]абережн(?:а|ій|у)|[мМ]ікрорайон(?:і|у)?|[уУ]зв(?:із|озі|озу)|[шШ]осе|[тТ]упик(?:у)?|[vV]ulytsi?a)(?!\p{L})`;
const NUMBERED_NAME = String.raw`(?:\d{1,3}(?:-\p{L}+)?[ \u00a0]+)?`;

const UKRAINIAN_ADDRESS_ABBREVIATED = new RegExp(
  String.raw`(?<!\p{L})(?:${ABBREVIATED_STREET})[ \u00a0]*${NUMBERED_NAME}\p{L}${STREET_WORD}(?:[ \u00a0]+\p{L}${STREET_WORD}){0,3},?[ \u00a0]*${HOUSE_NUMBER}${APARTMENT}`,
  "gu",
);
const UKRAINIAN_ADDRESS_WORDED = new RegExp(
  String.raw`(?<!\p{L})${STREET_WORDS}[ \u00a0]+${NUMBERED_NAME}\p{Lu}${STREET_WORD}(?:[ \u00a0]+\p{Lu}${STREET_WORD}){0,3},?[ \u00a0]*${HOUSE_NUMBER}${APARTMENT}`,
  "gu",
);
const ENGLISH_STREET = String.raw`(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Way|Court|Place|Square)`;
const ENGLISH_ADDRESS_NUMBER_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d])\d{1,5}[A-Za-z]?[ \u00a0]+(?:[A-Z][a-z'’]+[ \u00a0]+){1,3}${ENGLISH_STREET}(?!\p{L})${APARTMENT}`,
  "gu",
);
const ENGLISH_ADDRESS_NUMBER_LAST = new RegExp(
  String.raw`(?<!\p{L})(?:[A-Z][a-z'’]+[ \u00a0]+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.),?[ \u00a0]*\d{1,5}(?!\d)[A-Za-z]?(?!\p{L})${APARTMENT}`,
  "gu",
);
/** "с. Малі Будища, " just before a street belongs to the same address. */
const SETTLEMENT_BEFORE =
  /(?<!\p{L})(?:смт\.?|[сС]ело|[сС]елище|[мМ]істо|[сС]\.|[мМ]\.)[ \u00a0]*\p{Lu}[\p{L}'’ʼ-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’ʼ-]*){0,2},[ \u00a0]*$/u;
const SETTLEMENT_LOOKBACK = 60;

const findAddresses: Detector = (text) => {
  const spans: PersonalDataSpan[] = [];
  for (const pattern of [UKRAINIAN_ADDRESS_ABBREVIATED, UKRAINIAN_ADDRESS_WORDED, ENGLISH_ADDRESS_NUMBER_FIRST, ENGLISH_ADDRESS_NUMBER_LAST]) {
    for (const span of spansOf("address", pattern, text)) {
      const from = Math.max(0, span.start - SETTLEMENT_LOOKBACK);
      const settlement = SETTLEMENT_BEFORE.exec(text.slice(from, span.start));
      spans.push(settlement ? { ...span, start: from + settlement.index } : span);
    }
  }
  return spans;
};

// ---------------------------------------------------------------------------------------------
// Full names next to a diagnosis or a benefit

/** Sentences end at ! ? … a line break, and a full stop that does not close an initial or an abbreviation. */
function sentenceRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const isEnd = char === "\n" || char === "!" || char === "?" || char === "…" || (char === "." && isSentenceFullStop(text, i));
    if (isEnd) {
      ranges.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}

const LETTER = /\p{L}/u;

function isSentenceFullStop(text: string, dot: number): boolean {
  const next = text[dot + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  let wordStart = dot;
  while (wordStart > 0 && LETTER.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, dot);
  return word.length !== 1 && !ABBREVIATIONS.has(word);
}

type NamePart = "F" | "P" | "C" | "I";
type NameToken = { part: NamePart; start: number; end: number };

const WORD = /\p{L}(?:[\p{L}'’ʼ]|-(?=\p{L}))*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}*(?:[-'’ʼ]\p{Lu}?\p{Ll}+)*$/u;
const INITIAL = /^\p{Lu}$/u;
const NAME_GAP = /^[ \t\u00a0]{0,3}$/;
/**
 * How the parts of a Ukrainian full name line up, tried in this order: name (+ patronymic) +
 * surname first, so that "Вчора Оксана Коваль" yields "Оксана Коваль", not "Вчора Оксана".
 */
const FULL_NAME_SHAPES = [/FP?C/g, /CFP?/g, /I{1,2}C/g, /CI{1,2}/g];

function namePart(word: string, followedByDot: boolean, isSentenceStart: boolean): NamePart | null {
  if (INITIAL.test(word)) return followedByDot ? "I" : null;
  if (word.length < 2 || !CAPITALISED.test(word)) return null;
  if (isFirstName(word)) return "F";
  if (PATRONYMIC.test(word)) return "P";
  if (NOT_A_SURNAME.has(word)) return null;
  // The first word of a sentence is capitalised anyway: a verb there ("Прийшла Оксана…") is no surname.
  if (isSentenceStart && VERB_ENDING.test(word)) return null;
  return "C";
}

/** Runs of adjacent name-like words in one sentence, e.g. [C F P] for "Коваль Оксана Петрівна". */
function nameRuns(sentence: string): NameToken[][] {
  const runs: NameToken[][] = [];
  let run: NameToken[] = [];
  let isFirstWord = true;
  for (const match of sentence.matchAll(WORD)) {
    const start = match.index;
    const followedByDot = sentence[start + match[0].length] === ".";
    const part = namePart(match[0], followedByDot, isFirstWord);
    isFirstWord = false;
    const previous = run[run.length - 1];
    if (!part) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const token: NameToken = { part, start, end: start + match[0].length + (part === "I" ? 1 : 0) };
    const gap = previous ? sentence.slice(previous.end, start) : "";
    const isAdjacent = previous !== undefined && NAME_GAP.test(gap) && (gap.length > 0 || previous.part === "I");
    if (!isAdjacent && run.length) {
      runs.push(run);
      run = [];
    }
    run.push(token);
  }
  if (run.length) runs.push(run);
  return runs;
}

function fullNames(sentence: string): Range[] {
  const names: Range[] = [];
  for (const run of nameRuns(sentence)) {
    if (run.length < 2) continue;
    const shape = run.map((token) => token.part).join("");
    const taken: boolean[] = run.map(() => false);
    for (const pattern of FULL_NAME_SHAPES) {
      for (const match of shape.matchAll(pattern)) {
        const first = match.index;
        const last = first + match[0].length - 1;
        if (taken.slice(first, last + 1).some(Boolean)) continue;
        taken.fill(true, first, last + 1);
        names.push({ start: run[first]!.start, end: run[last]!.end });
      }
    }
  }
  return names;
}

const findNamesWithDiagnosisOrBenefit: Detector = (text) => {
  const spans: PersonalDataSpan[] = [];
  for (const sentence of sentenceRanges(text)) {
    const words = text.slice(sentence.start, sentence.end);
    const kind: PersonalDataKind | null =
      DIAGNOSIS.test(words) || DIAGNOSIS_ABBREVIATIONS.test(words) ? "nameWithDiagnosis" : BENEFIT.test(words) ? "nameWithBenefit" : null;
    if (!kind) continue;
    for (const name of fullNames(words)) spans.push({ kind, start: sentence.start + name.start, end: sentence.start + name.end });
  }
  return spans;
};

// ---------------------------------------------------------------------------------------------

/**
 * In this order: where two findings overlap, the earlier wins — a card number is not also a phone,
 * a phone not also a tax number, "вул. Т. Шевченка" is an address, not a name.
 */
const DETECTORS: Detector[] = [
  (text) => spansOf("iban", IBAN, text),
  (text) => spansOf("bankCard", BANK_CARD, text, (m) => passesLuhn(m[0].replace(/\D/g, ""))),
  (text) => spansOf("email", EMAIL, text),
  findBirthDates,
  (text) => [...spansOf("phone", UKRAINIAN_PHONE, text), ...spansOf("phone", INTERNATIONAL_PHONE, text)],
  (text) => spansOf("taxNumber", TAX_NUMBER, text),
  (text) => spansOf("documentNumber", DOCUMENT_NUMBER, text),
  findAddresses,
  findNamesWithDiagnosisOrBenefit,
];

function overlapsAny(span: Range, ranges: Range[]): boolean {
  return ranges.some((range) => span.start < range.end && range.start < span.end);
}

/** Every piece of client personal data in `text`, in reading order, none overlapping another. */
export function findPersonalData(text: string, options: FindPersonalDataOptions = {}): PersonalDataSpan[] {
  const now = options.now ?? new Date();
  const notPersonal: Range[] = NOT_PERSONAL.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
  const found: PersonalDataSpan[] = [];
  for (const detect of DETECTORS) {
    for (const span of detect(text, now)) {
      if (!overlapsAny(span, notPersonal) && !overlapsAny(span, found)) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The kinds found, each once, in reading order — what a refusal message names. */
export function listPersonalDataKinds(text: string, options?: FindPersonalDataOptions): PersonalDataKind[] {
  return [...new Set(findPersonalData(text, options).map((span) => span.kind))];
}

export function hasPersonalData(text: string, options?: FindPersonalDataOptions): boolean {
  return findPersonalData(text, options).length > 0;
}
