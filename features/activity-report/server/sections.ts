import "server-only";
import type { ReportTable } from "@/server/reports/export-tables";
import type { ActivityReportContext } from "./context";
import { learningSection } from "./section-learning";
import { contentSection } from "./section-content";
import { walkthroughSection } from "./section-walkthroughs";
import { curatorSection } from "./section-curators";
import { breakdownSection } from "./section-breakdown";

/** A part of the activity report: its tables, built from the resolved scope and period. */
export type ActivityReportSection = (ctx: ActivityReportContext) => Promise<ReportTable[]>;

/**
 * The report's sections in page order. EXTENSION POINT for workshop attendance (issue 12, built with
 * the methodological workshops): a `workshopAttendanceSection(ctx)` that counts the scope's
 * registrations and attendance in the period (people of `ctx.peopleWhere`, times within
 * `ctx.since`–`ctx.until`, groups under MIN_GROUP suppressed) goes into this list, before the
 * breakdowns; the page, the CSV, the XLSX and the per-table downloads then carry it with no other
 * change.
 */
export const ACTIVITY_REPORT_SECTIONS: readonly ActivityReportSection[] = [
  learningSection,
  contentSection,
  walkthroughSection,
  curatorSection,
  breakdownSection,
];
