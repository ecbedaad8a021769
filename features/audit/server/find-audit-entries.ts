import "server-only";
import { getDb, Prisma } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { addDays } from "@/lib/kyiv-calendar";
import { kyivDayStart } from "@/features/activity-report/period";
import { AUDIT_NO_REGION, type AuditCursor, type AuditFilters } from "../schemas";

export const AUDIT_PAGE_SIZE = 50;

/** Who acted, as the trail can tell now: the system, a person by name and e-mail, or "a former member" whose account is gone or erased. */
export type AuditActorView = { kind: "system" } | { kind: "former"; id: string } | { kind: "person"; id: string; name: string; email: string };

export type AuditDetailEntry = { key: string; value: string | number | boolean | null };

/** One entry of the trail as the page and the CSV show it (a DTO: plain values only). */
export type AuditEntryView = {
  id: string;
  at: Date;
  actor: AuditActorView;
  action: string;
  targetType: string;
  targetId: string;
  /** The person an entry about an account names, read now; null for other targets, or when that person is gone. */
  targetPerson: { name: string; email: string } | null;
  region: { id: string; name: string } | null;
  detail: AuditDetailEntry[];
};

type Row = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionId: string | null;
  detail: unknown;
  actorName: string | null;
  actorEmail: string | null;
  actorStatus: string | null;
  targetName: string | null;
  targetEmail: string | null;
  targetStatus: string | null;
  regionUk: string | null;
  regionEn: string | null;
};

/** `%`, `_` and `\` typed into the search match themselves, not any text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(filters: AuditFilters, cursor: AuditCursor | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const who = filters.who?.trim();
  if (who) {
    const pattern = likePattern(who);
    // A former member matches no name: their row is gone, or erased without one.
    conditions.push(Prisma.sql`(u."status"::text <> 'ERASED' AND (u."name" ILIKE ${pattern} OR u."email" ILIKE ${pattern}))`);
  }
  if (filters.action) conditions.push(Prisma.sql`a."action" = ${filters.action}`);
  // Kyiv days, both ends included.
  if (filters.from) conditions.push(Prisma.sql`a."createdAt" >= (${kyivDayStart(filters.from)}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.to) conditions.push(Prisma.sql`a."createdAt" < (${kyivDayStart(addDays(filters.to, 1))}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.region === AUDIT_NO_REGION) conditions.push(Prisma.sql`a."regionId" IS NULL`);
  else if (filters.region) conditions.push(Prisma.sql`a."regionId" = ${filters.region}`);
  if (cursor) conditions.push(Prisma.sql`(a."createdAt", a."id") < ((${cursor.at}::timestamptz AT TIME ZONE 'UTC'), ${cursor.id})`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * The database keeps a detail's keys in its own order (jsonb: shortest first), so they are put back
 * in reading order: these first ("from" before "to"), then the rest alphabetically.
 */
const DETAIL_ORDER = ["outcome", "ip", "from", "to", "scope", "scopeId", "kind", "version", "format"];
const detailRank = (key: string) => {
  const i = DETAIL_ORDER.indexOf(key);
  return i === -1 ? DETAIL_ORDER.length : i;
};

function detailOf(detail: unknown): AuditDetailEntry[] {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>)
    .filter((entry): entry is [string, string | number | boolean | null] => entry[1] === null || ["string", "number", "boolean"].includes(typeof entry[1]))
    .sort(([a], [b]) => detailRank(a) - detailRank(b) || a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}

function toView(row: Row, locale: AppLocale): AuditEntryView {
  const actor: AuditActorView =
    row.actorId === null
      ? { kind: "system" }
      : row.actorName === null || row.actorStatus === "ERASED"
        ? { kind: "former", id: row.actorId }
        : { kind: "person", id: row.actorId, name: row.actorName, email: row.actorEmail ?? "" };
  return {
    id: row.id,
    at: new Date(row.createdAt),
    actor,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetPerson: row.targetName !== null && row.targetStatus !== "ERASED" ? { name: row.targetName, email: row.targetEmail ?? "" } : null,
    region: row.regionId ? { id: row.regionId, name: (locale === "en" ? row.regionEn : row.regionUk) ?? row.regionId } : null,
    detail: detailOf(row.detail),
  };
}

/**
 * Entries matching the filters, newest first, from after `cursor`, at most `limit`. The people are
 * joined at read time, never copied into the trail, so a renamed person shows their name of today
 * and an erased one shows as "a former member". Shared by the page and the CSV export.
 */
export async function queryAuditEntries(filters: AuditFilters, cursor: AuditCursor | null, limit: number, locale: AppLocale): Promise<AuditEntryView[]> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT a."id", a."createdAt", a."actorId", a."action", a."targetType", a."targetId", a."regionId", a."detail",
           u."name" AS "actorName", u."email" AS "actorEmail", u."status"::text AS "actorStatus",
           t."name" AS "targetName", t."email" AS "targetEmail", t."status"::text AS "targetStatus",
           r."nameUk" AS "regionUk", r."nameEn" AS "regionEn"
      FROM "AuditEntry" a
      LEFT JOIN "User" u ON u."id" = a."actorId"
      LEFT JOIN "User" t ON a."targetType" IN ('User', 'account') AND t."id" = a."targetId"
      LEFT JOIN "Region" r ON r."id" = a."regionId"
      ${whereOf(filters, cursor)}
     ORDER BY a."createdAt" DESC, a."id" DESC
     LIMIT ${limit}`;
  return rows.map((row) => toView(row, locale));
}

/**
 * One page of the audit trail for an admin (decision 050): the entries matching the filters,
 * newest first, and where the next page starts (keyset paging: a page never repeats or skips an
 * entry, however many are written meanwhile).
 */
export async function findAuditEntries(
  actor: Actor,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  locale: AppLocale,
): Promise<{ rows: AuditEntryView[]; next: AuditCursor | null }> {
  authorize(actor, "read:audit");
  const rows = await queryAuditEntries(filters, cursor, AUDIT_PAGE_SIZE + 1, locale);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE && last ? { at: last.at, id: last.id } : null };
}
