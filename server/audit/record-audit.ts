import "server-only";
import { isIP } from "node:net";
import type { Prisma } from "../db/client";
import { getEnv } from "../env";
import { ID_PATTERN, isCleanSingleLine } from "@/lib/zod-text";
import { isAuditAction, type AuditAction } from "./actions";

/**
 * The one writer of the audit trail (decision 050). Callers pass the transaction of the action
 * they record, so an entry exists exactly when the action does; the database refuses to change or
 * delete entries afterwards. The detail is for short facts (an old and a new status, a format, a
 * count, an address): never a password, a token, a code or anyone's words.
 */
export type AuditDetailValue = string | number | boolean | null;
export type AuditDetail = Record<string, AuditDetailValue>;

export type AuditRecord = {
  /** Who acted; null for the system (a scheduled job, the automatic hide). */
  actorId: string | null;
  action: AuditAction;
  /** What was acted on: a model's name ("User", "Thread") or a kind ("account", "report"). */
  targetType: string;
  targetId: string;
  /** The region the action concerns (the target's), for the admins' region filter; null when national. */
  regionId?: string | null;
  detail?: AuditDetail;
};

/** Anything that can write the entry: the Prisma client, or the transaction of the action recorded. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditEntry">;

export const MAX_DETAIL_KEYS = 12;
export const MAX_DETAIL_STRING = 120;

/**
 * Words a detail key may not contain (its camelCase, snake_case or kebab-case words): whatever is
 * named so is, or may hold, a secret, a message or a person's own text. "recoveryCode", "newPassword",
 * "messageBody", "resetToken", "reason" are all refused.
 */
export const DENIED_DETAIL_WORDS: ReadonlySet<string> = new Set([
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "token",
  "jwt",
  "cookie",
  "hash",
  "salt",
  "key",
  "code",
  "otp",
  "totp",
  "credential",
  "challenge",
  "signature",
  "body",
  "text",
  "message",
  "comment",
  "content",
  "note",
  "reason",
  "answer",
  "email",
]);

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const TARGET_TYPE_PATTERN = /^[A-Za-z][A-Za-z-]{0,39}$/;
/** A run of 32 or more characters of base64, base64url, base32 or hex with nothing between: a token, a secret or a hash, never a fact. */
const TOKEN_LIKE = /[A-Za-z0-9+/_=.-]{32,}/;
/** A UUID is an id, whatever its length says. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Why a detail entry may not be kept, or null when it may. */
function detailProblem(key: string, value: unknown): string | null {
  if (!KEY_PATTERN.test(key)) return "not a short ASCII name";
  const denied = keyWords(key).find((word) => DENIED_DETAIL_WORDS.has(word));
  if (denied) return `named "${denied}", which may hold a secret or someone's words`;
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : "not a finite number";
  if (typeof value !== "string") return "not a string, number, boolean or null";
  if ([...value].length > MAX_DETAIL_STRING) return `longer than ${MAX_DETAIL_STRING} characters`;
  if (!isCleanSingleLine(value)) return "not one clean line";
  if (TOKEN_LIKE.test(value) && !UUID.test(value)) return "shaped like a token or a hash";
  return null;
}

export type CheckedDetail = { kept: AuditDetail; refused: { key: string; problem: string }[] };

/** Splits a detail into what may be kept and what may not (with why); pure, so tested directly. */
export function checkAuditDetail(detail: Record<string, unknown>): CheckedDetail {
  const kept: AuditDetail = {};
  const refused: CheckedDetail["refused"] = [];
  const entries = Object.entries(detail);
  entries.forEach(([key, value], index) => {
    const problem = index >= MAX_DETAIL_KEYS ? `beyond the first ${MAX_DETAIL_KEYS} entries` : detailProblem(key, value);
    if (problem) refused.push({ key: KEY_PATTERN.test(key) ? key : "(unnamed)", problem });
    else kept[key] = value as AuditDetailValue;
  });
  return { kept, refused };
}

function isShortId(value: string): boolean {
  return value.length >= 1 && value.length <= 64 && ID_PATTERN.test(value);
}

/**
 * Checks an entry and returns the row to insert. A wrong action or target is a programming error
 * and throws everywhere. A detail entry that may not be kept throws in development and tests, so
 * the code that passed it is fixed; in production the entry is dropped (`redacted: true` says so)
 * and the action still succeeds — either way it never reaches the database.
 */
export function prepareAuditEntry(entry: AuditRecord): Prisma.AuditEntryCreateManyInput {
  if (!isAuditAction(entry.action)) throw new Error(`Unknown audit action "${String(entry.action)}": add it to server/audit/actions.ts`);
  if (!TARGET_TYPE_PATTERN.test(entry.targetType)) throw new Error(`Audit target type "${entry.targetType}" is not a short name`);
  if (!isShortId(entry.targetId)) throw new Error(`Audit target id of ${entry.action} is not an id`);
  if (entry.actorId !== null && !isShortId(entry.actorId)) throw new Error(`Audit actor of ${entry.action} is not an id`);
  if (entry.regionId != null && !isShortId(entry.regionId)) throw new Error(`Audit region of ${entry.action} is not an id`);
  let detail: AuditDetail | undefined;
  if (entry.detail && Object.keys(entry.detail).length > 0) {
    const checked = checkAuditDetail(entry.detail);
    if (checked.refused.length > 0) {
      const why = checked.refused.map((r) => `${r.key}: ${r.problem}`).join("; ");
      if (getEnv().NODE_ENV !== "production") throw new Error(`Audit detail of ${entry.action} refused (${why})`);
      // Names and reasons only, never the values.
      console.warn(`Audit detail of ${entry.action} refused and dropped (${why})`);
      checked.kept.redacted = true;
    }
    detail = checked.kept;
  }
  return {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    regionId: entry.regionId ?? null,
    ...(detail ? { detail } : {}),
  };
}

/**
 * A client address as the trail keeps it: an IPv4 or IPv6 address as it is, anything else (the
 * local "local", or whatever a misconfigured proxy let through) as a word that holds nothing.
 */
export function auditAddress(ip: string): string {
  return isIP(ip) ? ip : ip === "local" ? "local" : "unrecognised";
}

/** Records one action in the audit trail, inside the caller's transaction when it passes one. */
export async function recordAudit(db: AuditWriter, entry: AuditRecord): Promise<void> {
  await db.auditEntry.create({ data: prepareAuditEntry(entry), select: { id: true } });
}

/** Records several actions at once (a batch of invitations, of pairings), in one insert. */
export async function recordAudits(db: AuditWriter, entries: readonly AuditRecord[]): Promise<void> {
  if (entries.length === 0) return;
  await db.auditEntry.createMany({ data: entries.map(prepareAuditEntry) });
}
