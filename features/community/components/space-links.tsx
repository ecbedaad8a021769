import { getTranslations } from "next-intl/server";
import type { SpaceKind } from "../types";

/** Under a space's title: a region's knowledge base, a group's members. */
export async function SpaceLinks({ slug, kind }: { slug: string; kind: SpaceKind }) {
  if (kind === "REGION") {
    const t = await getTranslations("communityKnowledge");
    return (
      <p className="mb-4">
        <a href={`/community/${slug}/knowledge`}>{t("link")}</a>
      </p>
    );
  }
  if (kind === "GROUP") {
    const t = await getTranslations("communityGroups");
    return (
      <p className="mb-4">
        <a href={`/community/${slug}/members`}>{t("members")}</a>
      </p>
    );
  }
  return null;
}
