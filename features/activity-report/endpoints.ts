import { defineEndpoint } from "@/server/api/endpoint";
import { ZActivityReportExport } from "./schemas";

export const activityReportEndpoints = {
  exportActivityReport: defineEndpoint({
    method: "GET",
    path: "/api/v1/reports/activity/export",
    tag: "reports",
    auth: "user",
    summary:
      "Download a region's activity report (a methodologist's own region; the country or any region for admins) for a period of Kyiv days as CSV or XLSX — the whole report, or one table with `table`. Groups under 5 learners are suppressed.",
    query: ZActivityReportExport,
    recentSecondFactor: true,
    statuses: [404],
  }),
};
