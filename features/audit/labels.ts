import "server-only";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import type { AuditActorView, AuditDetailEntry, AuditEntryView } from "./server/find-audit-entries";

/**
 * Words for the audit trail's codes, shared by the page and the CSV: actions, targets, detail
 * names and the values that are codes (a status, an outcome, roles). A code without words (an
 * entry older than its name, or one a newer release added) shows as it is stored.
 */
type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string[]): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of path) {
    if (typeof node !== "object" || !Object.hasOwn(node, part)) return null;
    node = node[part];
  }
  return typeof node === "string" ? node : null;
}

const audit = (locale: AppLocale) => MESSAGES[locale].audit;

/** "auth.sign-in-failed" → "Невдалий вхід". */
export function auditActionLabel(locale: AppLocale, action: string): string {
  return lookup(audit(locale).actions as Tree, action.split(".")) ?? action;
}

export function auditActorLabel(locale: AppLocale, actor: AuditActorView): string {
  if (actor.kind === "system") return audit(locale).system;
  if (actor.kind === "former") return audit(locale).formerMember;
  return actor.name;
}

/** What an entry is about: the kind of thing, then the person it names (by name and e-mail, now) or its id. */
export function auditTargetLabel(locale: AppLocale, row: Pick<AuditEntryView, "targetType" | "targetId" | "targetPerson">): string {
  const m = audit(locale);
  const kind = lookup(m.targets as Tree, [row.targetType]) ?? row.targetType;
  if (row.targetPerson) return `${kind}: ${row.targetPerson.name} (${row.targetPerson.email})`;
  if (row.targetType === "account" && row.targetId === "unknown") return `${kind}: ${m.unknownAccount}`;
  if (row.targetType === "User" || row.targetType === "account") return `${kind}: ${m.formerMember}`;
  return `${kind} ${row.targetId}`;
}

export function auditDetailLabel(locale: AppLocale, key: string): string {
  return lookup(audit(locale).detailKeys as Tree, [key]) ?? key;
}

export function auditDetailValue(locale: AppLocale, entry: AuditDetailEntry): string {
  const m = audit(locale);
  const { key, value } = entry;
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? m.yes : m.no;
  if (typeof value === "number") return String(value);
  if (key === "roles")
    return value
      .split(",")
      .map((role) => lookup(MESSAGES[locale].roles as Tree, [role]) ?? role)
      .join(", ");
  if (key === "action") return auditActionLabel(locale, value);
  return lookup(m.values as Tree, [value]) ?? value;
}

/** The detail on one line: "Було: Активний; Стало: Вимкнений". */
export function auditDetailText(locale: AppLocale, detail: AuditDetailEntry[]): string {
  return detail.map((entry) => `${auditDetailLabel(locale, entry.key)}: ${auditDetailValue(locale, entry)}`).join("; ");
}
