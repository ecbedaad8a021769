import "server-only";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { listRegionsAndHromadas, type RegionChoices } from "@/features/directory/server/list-regions-and-hromadas";
import { listContentOptions, type ContentOption } from "./content-refs";

export type WorkshopFormOptions = RegionChoices & {
  /** Admins may also announce for the country. */
  national: boolean;
  content: ContentOption[];
};

/** What the announce and edit forms offer: the actor's regions and their hromadas, and the lessons and guides they can open. */
export async function getWorkshopFormOptions(actor: Actor, locale: AppLocale): Promise<WorkshopFormOptions> {
  authorize(actor, "announce:workshops");
  const [choices, catalog] = await Promise.all([listRegionsAndHromadas(actor, locale), loadCatalog(actor)]);
  return { ...choices, national: actor.roles.includes("ADMIN"), content: listContentOptions(catalog, locale) };
}
