import { z } from "zod";

/**
 * Text hygiene at the boundary. Every string a request carries goes through one of these
 * builders, so a NUL byte, a lone surrogate or a bidi override is refused with a 400 before it
 * reaches PostgreSQL (which rejects NUL in text with an error that used to surface as a 500), a
 * mail (where a line break in a name starts a line of its own) or another person's screen.
 *
 * The builders return plain zod strings, so limits chain as usual: `singleLine().min(2).max(120)`
 * (the limits then apply to the cleaned value).
 */

/** Refused everywhere: C0 controls except tab and line feed, DEL, C1 controls, Unicode line and
 * paragraph separators, bidi embeddings, overrides and isolates (they reorder the text around
 * them), and the noncharacters U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK_OR_TAB = /[\t\n]/;

export const TEXT_ERRORS = {
  forbidden: "errors.textForbiddenCharacters",
  lineBreak: "errors.textLineBreak",
  id: "errors.idInvalid",
} as const;

/** True when the text holds a character no request field may carry (line breaks and tabs allowed). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text) || LONE_SURROGATE.test(text);
}

/** True when the text is fine as one line: nothing forbidden, no line break, no tab. */
export function isCleanSingleLine(text: string): boolean {
  return !hasForbiddenCharacters(text) && !LINE_BREAK_OR_TAB.test(text);
}

function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * One line of user text — names, positions, place names, short labels: NFC-normalised, trimmed,
 * no line breaks, tabs or control characters.
 */
export function singleLine() {
  return z
    .string()
    .normalize("NFC")
    .trim()
    .refine((v) => !hasForbiddenCharacters(v), { error: TEXT_ERRORS.forbidden, abort: true })
    .refine((v) => !LINE_BREAK_OR_TAB.test(v), { error: TEXT_ERRORS.lineBreak, abort: true });
}

/**
 * Multi-line user text — messages, comments, notes, CSV files: NFC-normalised, line ends made `\n`,
 * trimmed unless `trim: false`; line breaks and tabs are kept, other control characters refused.
 */
export function text(options: { trim?: boolean } = {}) {
  const base = z.string().normalize("NFC").overwrite(normaliseLineEnds);
  return (options.trim === false ? base : base.trim()).refine((v) => !hasForbiddenCharacters(v), {
    error: TEXT_ERRORS.forbidden,
    abort: true,
  });
}

/** A password: taken as typed (never trimmed or normalised, so it verifies as it was set), but
 * without control characters or lone surrogates. */
export function secret() {
  return z.string().refine((v) => !hasForbiddenCharacters(v) && !/[\t\n\r]/.test(v), { error: TEXT_ERRORS.forbidden, abort: true });
}

/** Database ids (cuid) and content ids (`strong-passwords`): ASCII letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** An id field; `required` is the message for an empty value (e.g. "choose an organization"). */
export function id(options: { max?: number; required?: string } = {}) {
  return z
    .string()
    .min(1, { error: options.required ?? TEXT_ERRORS.id })
    .max(options.max ?? 64, { error: TEXT_ERRORS.id })
    .regex(ID_PATTERN, { error: TEXT_ERRORS.id });
}

/** A secret carried by a mailed link (base64url, optionally `id.mac`): ASCII only. */
export function linkToken(error: string, min = 10, max = 200) {
  return z
    .string()
    .min(min, { error })
    .max(max, { error })
    .regex(/^[A-Za-z0-9_.-]+$/, { error });
}

/**
 * Flattens any text to one short line for places where it follows fixed text (a mail line, a
 * log): control characters, line breaks and bidi controls become spaces, lone surrogates go,
 * runs of spaces collapse, and the result is cut to `max` characters with an ellipsis.
 */
export function toOneLine(value: string, max: number): string {
  const flat = value
    .normalize("NFC")
    .replace(new RegExp(LONE_SURROGATE.source, "g"), "")
    .replace(new RegExp(`${FORBIDDEN.source}|[\\t\\n\\r]`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, Math.max(0, max - 1))
        .join("")
        .trimEnd()}…`;
}
