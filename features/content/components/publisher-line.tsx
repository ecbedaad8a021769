import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n";
import type { Publisher } from "../server/load-catalog";

/**
 * Who published an item written in the app — a region's centre or the national collection — on its
 * card and page; built-in content shows nothing (its source is the platform itself).
 */
export async function PublisherLine({ publisher, locale, className = "text-sm text-muted" }: { publisher: Publisher; locale: AppLocale; className?: string }) {
  if (!publisher) return null;
  const t = await getTranslations("publisher");
  return <p className={className}>{publisher.scope === "region" ? t("region", { region: publisher.name[locale] }) : t("national")}</p>;
}
