import "server-only";
import type { ReportTable } from "@/server/reports/export-tables";
import type { ActivityReportContext } from "./context";
import { learningSection } from "./section-learning";
import { contentSection } from "./section-content";
import { walkthroughSection } from "./section-walkthroughs";
import { curatorSection } from "./section-curators";
import { workshopSection } from "./section-workshops";
import { breakdownSection } from "./section-breakdown";

/** A part of the activity report: its tables, built from the resolved scope and period. */
export type ActivityReportSection = (ctx: ActivityReportContext) => Promise<ReportTable[]>;

/**
 * The report's sections in page order; the page, the CSV, the XLSX and the per-table downloads
 * carry each with no other change.
 */
export const ACTIVITY_REPORT_SECTIONS: readonly ActivityReportSection[] = [
  learningSection,
  contentSection,
  walkthroughSection,
  curatorSection,
  workshopSection,
  breakdownSection,
];
