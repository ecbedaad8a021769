import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n";
import type { Publisher } from "../server/load-catalog";

/** Who published an item written in the app, as one phrase ("" for built-in content, whose source is the platform itself). */
export async function publisherText(publisher: Publisher, locale: AppLocale): Promise<string> {
  if (!publisher) return "";
  const t = await getTranslations("publisher");
  return publisher.scope === "region" ? t("region", { region: publisher.name[locale] }) : t("national");
}

/** The publisher of an item written in the app — a region's centre or the national collection — on its card and page. */
export async function PublisherLine({ publisher, locale, className = "text-sm text-muted" }: { publisher: Publisher; locale: AppLocale; className?: string }) {
  const text = await publisherText(publisher, locale);
  return text ? <p className={className}>{text}</p> : null;
}
