import "server-only";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { listRegionsAndHromadas, type RegionChoices } from "@/features/directory/server/list-regions-and-hromadas";
import { listContentOptions, type ContentOption } from "./content-refs";

export type WorkshopFormOptions = RegionChoices & {
  /** Admins may also announce for the country. */
  national: boolean;
  content: ContentOption[];
};

/** What the announce and edit forms offer: the actor's regions and their hromadas, and the lessons and guides. */
export async function getWorkshopFormOptions(actor: Actor, locale: AppLocale): Promise<WorkshopFormOptions> {
  authorize(actor, "announce:workshops");
  return { ...(await listRegionsAndHromadas(actor, locale)), national: actor.roles.includes("ADMIN"), content: listContentOptions(locale) };
}
