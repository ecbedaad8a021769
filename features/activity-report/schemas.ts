import { z } from "zod";
import { id } from "@/lib/zod-text";
import { MAX_PERIOD_DAYS, isCalendarDay, periodLength } from "./period";

const day = () => z.string().max(10, { error: "errors.dateFormat" }).refine(isCalendarDay, { error: "errors.dateFormat" });

/**
 * What the activity report is about: a region (absent: a methodologist's own region, or the
 * country for an admin; "" is the country, as the region selector sends it) and a Kyiv-day period.
 */
export const ZActivityReportQuery = z
  .object({
    region: z.union([z.literal(""), id()]).optional(),
    from: day().optional(),
    to: day().optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to || !isCalendarDay(q.from) || !isCalendarDay(q.to)) return;
    if (q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.periodOrder" });
    else if (periodLength({ from: q.from, to: q.to }) > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.periodTooLong" });
  });
export type TActivityReportQuery = z.infer<typeof ZActivityReportQuery>;

export const ZActivityReportExport = z
  .object({
    region: z.union([z.literal(""), id()]).optional(),
    from: day().optional(),
    to: day().optional(),
    format: z.enum(["csv", "xlsx"]),
    /** One table only; the whole report without it. */
    table: id().optional(),
  })
  .superRefine((q, ctx) => {
    const period = ZActivityReportQuery.safeParse({ region: q.region, from: q.from, to: q.to });
    if (!period.success) for (const issue of period.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
export type TActivityReportExport = z.infer<typeof ZActivityReportExport>;
