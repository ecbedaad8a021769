/**
 * Spots the kinds of client personal data that most often slip into free text: phone numbers,
 * e-mail addresses, tax numbers (РНОКПП), passport and ID-card numbers, bank cards and IBANs.
 * It cannot catch everything (names, addresses), so forms still remind people; what it finds is
 * refused with a message saying what to remove, and the text itself is never logged.
 */
export type PersonalDataKind = "phone" | "email" | "taxNumber" | "documentNumber" | "bankCard" | "iban";

const PATTERNS: [PersonalDataKind, RegExp][] = [
  ["iban", /\bUA\d{2}(?:\s?\d){25}\b/i],
  ["bankCard", /(?<!\d)(?:\d{4}[ -]?){3}\d{4}(?!\d)/],
  ["email", /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ["phone", /(?<!\d)(?:\+?38[\s-]?)?\(?0[\s-]?\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/],
  ["taxNumber", /(?<!\d)\d{10}(?!\d)/],
  ["documentNumber", /(?<![\p{L}\d])(?:[А-ЯІЇЄҐ]{2}\s?\d{6}|\d{9})(?![\p{L}\d])/u],
];

export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  let rest = text;
  for (const [kind, pattern] of PATTERNS) {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    if (global.test(rest)) {
      found.push(kind);
      // A card number is not also reported as a phone or a tax number.
      rest = rest.replace(new RegExp(pattern.source, global.flags), " ");
    }
  }
  return found;
}
