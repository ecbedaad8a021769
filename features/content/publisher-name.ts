import type { Publisher } from "./server/load-catalog";

/** Who publishes an item written in the app, as a reader sees it: the national collection or the region. Built-in content: "". */
export function publisherName(publisher: Publisher, locale: "uk" | "en", national: string): string {
  if (!publisher) return "";
  return publisher.scope === "national" ? national : publisher.name[locale];
}
