import { defineEndpoint } from "@/server/api/endpoint";
import { ZAuditExport } from "./schemas";

export const auditEndpoints = {
  exportAudit: defineEndpoint({
    method: "GET",
    path: "/api/v1/audit/export",
    tag: "audit",
    auth: "user",
    summary:
      "Download the audit trail (admins only; decision 050) as CSV: the entries matching `who` (part of the actor's name or e-mail), `action`, `from`–`to` (Kyiv days, both included) and `region` (an id, or `none`), newest first, up to 50,000. The export is itself recorded in the trail.",
    query: ZAuditExport,
    recentSecondFactor: true,
  }),
};
