import "server-only";
import { getDb } from "@/server/db/client";
import { regionsWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";

export type RegionChoices = {
  regions: { id: string; name: string }[];
  hromadas: { id: string; name: string; regionId: string; regionName: string }[];
};

/** The regions the actor works for (admins: all) and their hromadas, named in the reader's language: what scope pickers offer. */
export async function listRegionsAndHromadas(actor: Actor, locale: AppLocale): Promise<RegionChoices> {
  const regions = await getDb().region.findMany({
    where: regionsWhere(actor),
    orderBy: { nameUk: "asc" },
    select: { id: true, nameUk: true, nameEn: true, hromadas: { orderBy: { nameUk: "asc" }, select: { id: true, nameUk: true, nameEn: true } } },
  });
  const name = (n: { nameUk: string; nameEn: string }) => (locale === "en" ? n.nameEn : n.nameUk);
  return {
    regions: regions.map((r) => ({ id: r.id, name: name(r) })),
    hromadas: regions.flatMap((r) => r.hromadas.map((h) => ({ id: h.id, name: name(h), regionId: r.id, regionName: name(r) }))),
  };
}
