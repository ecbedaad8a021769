import "server-only";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { getEnv } from "@/server/env";

type MailKind = "invitation" | "passwordReset";

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** Mail texts live in the message files like every other user-facing string. */
export function renderMail(kind: MailKind, locale: AppLocale, values: Record<string, string>) {
  const t = MESSAGES[locale].mail[kind];
  return { subject: fill(t.subject, values), text: fill(t.body, values) };
}

export function appLink(path: string): string {
  return `${getEnv().appUrl}${path}`;
}
