import "server-only";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getDb } from "@/server/db/client";
import { authorize, regionsWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { listContentOptions, type ContentOption } from "./content-refs";

export type WorkshopFormOptions = {
  /** Regions the actor may announce for; admins also get the country (`national`). */
  regions: { id: string; name: string }[];
  national: boolean;
  hromadas: { id: string; name: string; regionId: string; regionName: string }[];
  content: ContentOption[];
};

/** What the announce and edit forms offer: the actor's regions and their hromadas, and the lessons and guides. */
export async function getWorkshopFormOptions(actor: Actor, locale: AppLocale): Promise<WorkshopFormOptions> {
  authorize(actor, "announce:workshops");
  const regions = await getDb().region.findMany({
    where: regionsWhere(actor),
    orderBy: { nameUk: "asc" },
    select: { id: true, nameUk: true, nameEn: true, hromadas: { orderBy: { nameUk: "asc" }, select: { id: true, nameUk: true, nameEn: true } } },
  });
  const name = (n: { nameUk: string; nameEn: string }) => (locale === "en" ? n.nameEn : n.nameUk);
  return {
    regions: regions.map((r) => ({ id: r.id, name: name(r) })),
    national: actor.roles.includes("ADMIN"),
    hromadas: regions.flatMap((r) => r.hromadas.map((h) => ({ id: h.id, name: name(h), regionId: r.id, regionName: name(r) }))),
    content: listContentOptions(await loadCatalog(actor), locale),
  };
}
