import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { recordAudit } from "@/server/audit/record-audit";
import { getReport, type Report, type ScopeParam } from "./report";

/**
 * A competence report for a download: read as the page reads it (scope and policy checked there),
 * and recorded in the audit trail as data leaving the app, under the region it covers (decision 050).
 */
export async function exportReport(actor: Actor, param: ScopeParam, format: "csv" | "xlsx", locale: AppLocale): Promise<Report> {
  const report = await getReport(actor, param, locale);
  const { scope } = report;
  const regionId =
    scope.kind === "region"
      ? scope.regionId
      : scope.kind === "hromada"
        ? ((await getDb().hromada.findUnique({ where: { id: scope.hromadaId }, select: { regionId: true } }))?.regionId ?? null)
        : null;
  await recordAudit(getDb(), {
    actorId: actor.id,
    action: "report.exported",
    targetType: "report",
    targetId: "competences",
    regionId,
    detail: {
      scope: scope.kind,
      scopeId: scope.kind === "region" ? scope.regionId : scope.kind === "hromada" ? scope.hromadaId : null,
      format,
      suppressed: report.suppressed,
    },
  });
  return report;
}
