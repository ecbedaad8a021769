import "server-only";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { getEnv } from "@/server/env";
import { toOneLine } from "@/lib/zod-text";
import { withNameCases } from "@/server/name-cases";

type MailKind = "invitation" | "passwordReset" | "secondFactorReset";

/** How long a name or an organization may run inside a mail line. */
export const MAIL_USER_TEXT_MAX = 80;
/** How long one notification may run as a digest line. */
export const MAIL_LINE_MAX = 200;
/** Digest lines listed at most; the rest wait behind the "see all" link. */
export const DIGEST_MAX_ITEMS = 20;

/**
 * Text someone typed (a name, a position, an organization) as it may appear in a mail to another
 * person: one line, cut to `max` characters, and web addresses in it are broken so mail
 * programs do not turn them into links. Templates place it after fixed text on the same line
 * (mail-templates.test.ts checks every template), so a name such as
 * "Ваш пароль скинуто.\nУвійдіть тут: http://…" can neither start a line that reads as ours nor
 * carry a working link.
 */
export function mailUserText(value: string, max = MAIL_USER_TEXT_MAX): string {
  return toOneLine(value, max)
    .replace(/:\/\//g, "[:]//")
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}[.]`);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/**
 * Mail texts live in the message files like every other user-facing string. `link` is ours (an
 * app address); every other value is user text and goes through `mailUserText`. A name the text
 * addresses in a case of its own (`{nameVoc}`: «Вітаємо, Оксано!») is declined from `name` first.
 */
export async function renderMail(kind: MailKind, locale: AppLocale, values: { link: string } & Record<string, string>) {
  const t = MESSAGES[locale].mail[kind];
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(await withNameCases(`${t.subject}\n${t.body}`, values, locale))) {
    safe[name] = name === "link" ? value : mailUserText(value);
  }
  return { subject: fill(t.subject, safe), text: fill(t.body, safe) };
}

/**
 * The digest of unread notifications. Each notification is a sentence built from a fixed template
 * and a person's name; it goes on its own bullet line, flattened and cut, so a name with line
 * breaks cannot add lines of its own.
 */
export async function renderDigestMail(
  locale: AppLocale,
  digest: { name: string; items: readonly string[]; openLink: string; unsubscribeLink: string },
): Promise<{ subject: string; text: string }> {
  const t = MESSAGES[locale].digest;
  const lines = digest.items.slice(0, DIGEST_MAX_ITEMS).map((item) => `• ${mailUserText(item, MAIL_LINE_MAX)}`);
  const greeting = await withNameCases(t.greeting, { name: digest.name }, locale);
  const text = [
    fill(t.greeting, Object.fromEntries(Object.entries(greeting).map(([k, v]) => [k, mailUserText(v)]))),
    "",
    ...lines,
    "",
    fill(t.open, { link: digest.openLink }),
    "",
    fill(t.unsubscribe, { link: digest.unsubscribeLink }),
  ].join("\n");
  return { subject: fill(t.subject, { count: String(digest.items.length) }), text };
}

export function appLink(path: string): string {
  return `${getEnv().appUrl}${path}`;
}
