import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, regionsWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";

/** The regions the audit trail's region filter offers, by name. */
export async function listAuditRegions(actor: Actor, locale: AppLocale): Promise<{ id: string; name: string }[]> {
  authorize(actor, "read:audit");
  const regions = await getDb().region.findMany({ where: regionsWhere(actor), select: { id: true, nameUk: true, nameEn: true }, orderBy: { nameUk: "asc" } });
  return regions
    .map((r) => ({ id: r.id, name: locale === "en" ? r.nameEn : r.nameUk }))
    .sort((a, b) => a.name.localeCompare(b.name, locale === "en" ? "en" : "uk"));
}
