import { handle } from "@/server/api/handler";
import { auditEndpoints } from "@/features/audit/endpoints";
import { toAuditFilters } from "@/features/audit/schemas";
import { exportAuditEntries } from "@/features/audit/server/export-audit-entries";
import { auditCsv } from "@/features/audit/audit-csv";

export const GET = handle({ ...auditEndpoints.exportAudit, permission: "read:audit" }, async ({ user, query: q, locale }) => {
  const filters = toAuditFilters(q);
  const { rows, isTruncated } = await exportAuditEntries(user, filters, q.format, locale);
  const now = new Date();
  return {
    file: {
      content: auditCsv(rows, filters, isTruncated, locale, now),
      type: "text/csv; charset=utf-8",
      name: `skhodynky-audit-${now.toISOString().slice(0, 10)}.csv`,
    },
  };
});
