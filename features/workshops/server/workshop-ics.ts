import "server-only";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getEnv } from "@/server/env";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { buildIcs } from "../ics";
import { loadWorkshop } from "./load-workshop";
import { readRefs, showRefs } from "./content-refs";

/**
 * The workshop as a calendar file for whoever may see it. The description carries the workshop's
 * text, what to read before (titles and addresses) and the workshop's page; the UID stays the same
 * through edits and SEQUENCE grows, so a calendar updates the event it has.
 */
export async function getWorkshopIcs(actor: Parameters<typeof loadWorkshop>[0], workshopId: string, locale: AppLocale, requestOrigin: string) {
  const { row } = await loadWorkshop(actor, workshopId);
  const origin = getEnv().configuredOrigin ?? requestOrigin;
  const t = MESSAGES[locale].workshops as unknown as Record<string, string>;
  const readings = showRefs(await loadCatalog("everything"), readRefs(row.readings), locale);
  const description = [
    row.description,
    readings.length ? `${t.readBefore}:\n${readings.map((r) => `• ${r.title} — ${origin}${r.href}`).join("\n")}` : "",
    row.onlineUrl ? `${t.onlineLink}: ${row.onlineUrl}` : "",
    `${t.workshopPage}: ${origin}/workshops/${row.id}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const content = buildIcs({
    uid: `workshop-${row.id}@skhodynky`,
    sequence: row.sequence,
    stamp: row.updatedAt,
    start: row.startsAt,
    end: row.endsAt,
    summary: row.title,
    description,
    location: row.place ?? row.onlineUrl,
    url: row.onlineUrl ?? `${origin}/workshops/${row.id}`,
    cancelled: row.cancelledAt !== null,
  });
  return { content, name: `workshop-${row.startsAt.toISOString().slice(0, 10)}-${row.id}.ics` };
}
