import { z } from "zod";
import { ID_PATTERN, id, singleLine } from "@/lib/zod-text";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/audit/actions";
import { isCalendarDay } from "@/features/activity-report/period";

/**
 * The admins' filters of the audit trail (decision 050), as the page's GET form and the CSV
 * address carry them: who (part of the actor's name or e-mail), what (an action), when (Kyiv days,
 * both included) and where (a region, or "none" for entries about nothing regional). An empty
 * field is no filter.
 */
const blank = z.literal("");
const day = () => z.string().max(10, { error: "errors.dateFormat" }).refine(isCalendarDay, { error: "errors.dateFormat" });

export const AUDIT_NO_REGION = "none";

const ZAuditFilterFields = z.object({
  who: z.union([blank, singleLine().max(100)]).optional(),
  action: z.union([blank, z.enum(AUDIT_ACTIONS)]).optional(),
  from: z.union([blank, day()]).optional(),
  to: z.union([blank, day()]).optional(),
  region: z.union([blank, z.literal(AUDIT_NO_REGION), id()]).optional(),
});

export const ZAuditFilters = ZAuditFilterFields.superRefine((q, ctx) => {
  if (q.from && q.to && isCalendarDay(q.from) && isCalendarDay(q.to) && q.to < q.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "errors.periodOrder" });
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

/** The CSV download's address: the filters, and the format (CSV only, for now). */
export const ZAuditExport = ZAuditFilterFields.extend({ format: z.enum(["csv"]).default("csv") }).superRefine((q, ctx) => {
  if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.periodOrder" });
});

/** The filters a search runs with: absent fields and empty ones are the same "any". */
export type AuditFilters = { who?: string; action?: AuditAction; from?: string; to?: string; region?: string };

export function toAuditFilters(q: TAuditFilters): AuditFilters {
  return {
    ...(q.who ? { who: q.who } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.region ? { region: q.region } : {}),
  };
}

/**
 * The page's reading of its address: each field on its own, so one unreadable value (a date typed
 * by hand, an old link's action) drops only that filter, and the page says which were dropped.
 */
export function readAuditFilters(params: Record<string, string | string[] | undefined>): { filters: AuditFilters; ignored: (keyof AuditFilters)[] } {
  const filters: AuditFilters = {};
  const ignored: (keyof AuditFilters)[] = [];
  const shape = ZAuditFilterFields.shape;
  for (const key of ["who", "action", "from", "to", "region"] as const) {
    const raw = params[key];
    if (raw === undefined || raw === "") continue;
    const parsed = typeof raw === "string" ? shape[key].safeParse(raw) : null;
    if (parsed?.success && parsed.data) (filters as Record<string, string>)[key] = parsed.data;
    else ignored.push(key);
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    delete filters.to;
    ignored.push("to");
  }
  return { filters, ignored };
}

/** Where a page of entries ends: the last entry's time and id (keyset paging, newest first). */
export type AuditCursor = { at: Date; id: string };

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

export function decodeAuditCursor(value: string | string[] | undefined): AuditCursor | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,15})\.(.{1,64})$/.exec(value);
  if (!match || !ID_PATTERN.test(match[2]!)) return null;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}
