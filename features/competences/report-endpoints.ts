import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id } from "@/lib/zod-text";

export const ZReportQuery = z.object({
  scope: z.enum(["country", "region", "hromada"]),
  id: id().optional(),
  format: z.enum(["csv", "xlsx"]),
});

export const reportEndpoints = {
  exportReport: defineEndpoint({
    method: "GET",
    path: "/api/v1/reports/export",
    tag: "reports",
    auth: "user",
    summary:
      "Download a competence report (country for admins; a region or hromada for its methodologists) as CSV or XLSX. Groups under 5 respondents are suppressed.",
    query: ZReportQuery,
    recentSecondFactor: true,
    statuses: [404],
  }),
};
